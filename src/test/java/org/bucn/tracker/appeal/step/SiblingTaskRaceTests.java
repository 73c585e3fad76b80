package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completing an appeal's response and its follow-up at the same moment: the response always wins or
 * waits its turn, and the database never has to break a deadlock between them.
 */
@TrackerTest
class SiblingTaskRaceTests {

  static final int ROUNDS = 50;
  static final LocalDate TODAY = LocalDate.now();

  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired AppealService appeals;
  @Autowired TargetService targets;
  @Autowired Steps steps;
  @Autowired JdbcClient jdbc;

  @Test
  void recordingTheResponseWhileAFollowUpIsCompletedAlwaysSucceedsWithoutDeadlock()
      throws Exception {
    long deadlocksBefore = deadlocks();
    List<Long> appealIds = new ArrayList<>();
    List<Long> targetIds = targets.findAll().stream().map(Target::id).toList();
    while (appealIds.size() < ROUNDS) {
      Campaign campaign =
          campaigns.create(
              new CampaignRequest(
                  "Sibling race " + System.nanoTime(),
                  "Race",
                  Set.of(Demand.CONDEMNATION),
                  "PT1S",
                  20,
                  "P30D",
                  targetIds),
              CampaignDrill.COORDINATOR);
      drill.launch(campaign);
      appeals.summariesOfCampaign(campaign.id()).stream()
          .map(AppealSummary::id)
          .forEach(appealIds::add);
    }
    List<Long> raced = appealIds.subList(0, ROUNDS);
    for (long appeal : raced) {
      drill.draftAndApprove(appeal);
      drill.submit(appeal, TODAY.toString());
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    int followUpsRecorded = 0;
    try {
      for (long appeal : raced) {
        String followUp = drill.awaitTask(appeal, TaskKey.FOLLOW_UP).id();
        String response = drill.awaitTask(appeal, TaskKey.RECORD_RESPONSE).id();
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> responding =
            pool.submit(
                () -> {
                  start.await();
                  return steps.complete(
                      response,
                      new AppealInput.Response(
                          TODAY, ResponseKind.CONDEMNED, "Condemned", null, null),
                      ADVOCATE);
                });
        Future<Boolean> followingUp =
            pool.submit(
                () -> {
                  start.await();
                  try {
                    steps.complete(
                        followUp,
                        new AppealInput.FollowUp(TODAY, Channel.EMAIL, "Reminder", null),
                        ADVOCATE);
                    return true;
                  } catch (ConflictException lostToTheResponse) {
                    return false;
                  }
                });
        responding.get(); // throws if the response was refused
        if (followingUp.get()) {
          followUpsRecorded++;
        }
        assertThat(appeals.detail(appeal).response()).as("appeal %d", appeal).isNotNull();
        assertThat(appeals.detail(appeal).stage()).isEqualTo(AppealStage.CLOSED);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "sibling race: %d rounds, follow-up recorded before the response in %d%n",
        ROUNDS, followUpsRecorded);
    await("statistics flushed")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> deadlocks() == deadlocksBefore);
  }

  private long deadlocks() {
    jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
    return jdbc.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        .query(Long.class)
        .single();
  }
}
