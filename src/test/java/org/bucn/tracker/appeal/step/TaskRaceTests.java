package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.ReviewDecision;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Thirty-two people acting on one task at the same moment, a hundred times over: exactly one of
 * them claims it, exactly one completes it, the others are told someone was quicker (409), and the
 * appeal moves on exactly once.
 */
@TrackerTest
class TaskRaceTests {

  static final int PEOPLE = 32;
  static final int ROUNDS = 100;

  static ExecutorService people;

  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired AppealService appeals;
  @Autowired TargetService targets;
  @Autowired TaskAssignments assignments;
  @Autowired Worklist worklist;
  @Autowired Steps steps;

  @BeforeAll
  static void startPeople() {
    people = Executors.newFixedThreadPool(PEOPLE);
  }

  @AfterAll
  static void stopPeople() {
    people.shutdownNow();
  }

  @Test
  void thirtyTwoPeopleClaimingThenCompletingOneTaskGiveOneWinnerEachTimeForAHundredRounds()
      throws Exception {
    List<Long> targetIds = targets.findAll().stream().map(Target::id).toList();
    List<Long> appealIds = new ArrayList<>();
    while (appealIds.size() < ROUNDS) {
      Campaign campaign =
          drill.launch(
              campaigns.create(
                  new CampaignRequest(
                      "Races " + System.nanoTime(),
                      "Race",
                      Set.of(Demand.CONDEMNATION),
                      "P14D",
                      3,
                      "P30D",
                      targetIds),
                  CampaignDrill.COORDINATOR));
      appeals.summariesOfCampaign(campaign.id()).stream()
          .map(AppealSummary::id)
          .forEach(appealIds::add);
    }
    AppealInput draft = new AppealInput.Draft("Your Excellency", "en");
    AppealInput approve = new AppealInput.Review(ReviewDecision.APPROVE, null);

    for (long appeal : appealIds.subList(0, ROUNDS)) {
      String draftTask = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
      List<String> claimants =
          race(
              i -> {
                Actor advocate = new Actor("racer-" + i, Set.of(Role.ADVOCATE));
                return () -> assignments.claim(draftTask, advocate).assignee();
              });
      assertThat(claimants)
          .as("appeal %d: one claim wins", appeal)
          .containsOnlyOnce("won")
          .hasSize(PEOPLE);
      String winner = worklist.openTasksOfAppeal(appeal).get(0).assignee();
      steps.complete(draftTask, draft, new Actor(winner, Set.of(Role.ADVOCATE)));

      String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();
      List<String> completions =
          race(i -> () -> steps.complete(review, approve, CampaignDrill.COORDINATOR).taskKey());
      assertThat(completions)
          .as("appeal %d: one completion wins", appeal)
          .containsOnlyOnce("won")
          .hasSize(PEOPLE);
      assertThat(appeals.detail(appeal).reviews()).hasSize(1);
      assertThat(worklist.openTasksOfAppeal(appeal))
          .extracting(TaskItem::taskKey)
          .containsExactly(TaskKey.SUBMIT_APPEAL.key());
    }
  }

  /** Runs the attempts all at once; "won" for each success, "409" for each conflict. */
  private List<String> race(Function<Integer, Callable<?>> attempt) throws Exception {
    CyclicBarrier start = new CyclicBarrier(PEOPLE);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      Callable<?> action = attempt.apply(i);
      results.add(
          people.submit(
              () -> {
                start.await();
                try {
                  action.call();
                  return "won";
                } catch (ConflictException lost) {
                  return "409";
                }
              }));
    }
    List<String> outcomes = new ArrayList<>();
    for (Future<String> result : results) {
      outcomes.add(result.get());
    }
    assertThat(outcomes).containsOnly("won", "409");
    return outcomes;
  }
}
