package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node's job executor locks an appeal's follow-up timer (it updates the job's row, and takes no
 * appeal lock) at the moment a person records the target's answer, which ends that timer. Nobody
 * lost a race: the answer is recorded, never refused with 409 (the lifecycle benchmark met this in
 * one run of two).
 */
@TrackerTest
class TimerAcquisitionRaceTests {

  static final LocalDate TODAY = LocalDate.now();

  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired Steps steps;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void anAnswerRecordedWhileTheFollowUpTimerIsBeingAcquiredIsRecorded() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 2, "P30D", "ME");
    long appeal = drill.appeal(campaign, "ME");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, TODAY.toString());
    String response = drill.awaitTask(appeal, TaskKey.RECORD_RESPONSE).id();
    String processInstance = appeals.processInstanceId(appeal);
    assertThat(timers(processInstance)).as("the follow-up timer waits").isEqualTo(1);

    ExecutorService person = Executors.newSingleThreadExecutor();
    try (Connection acquisition = dataSource.getConnection()) {
      // What acquisition does to a due job: lock it for this node, a new revision of the row.
      acquisition.setAutoCommit(false);
      try (PreparedStatement lock =
          acquisition.prepareStatement(
              "UPDATE act_ru_job SET lock_owner_ = 'another-node', lock_exp_time_ = now() + interval '30 seconds', rev_ = rev_ + 1"
                  + " WHERE process_instance_id_ = ? AND type_ = 'timer'")) {
        lock.setString(1, processInstance);
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      Future<Steps.Completion> answer =
          person.submit(
              () ->
                  steps.complete(
                      response,
                      new AppealInput.Response(
                          TODAY, ResponseKind.CONDEMNED, "Condemned", null, null),
                      ADVOCATE));
      // The step has read the timer's row as it was and now waits to delete it.
      await("the step waits for the job's row")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  jdbc.sql(
                              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%act_ru_job%'")
                          .query(Long.class)
                          .single()
                      > 0);
      acquisition.commit();

      Steps.Completion completion = answer.get(); // threw OptimisticLockingException (409) before
      assertThat(completion.taskKey()).isEqualTo(TaskKey.RECORD_RESPONSE.key());
    } finally {
      person.shutdownNow();
    }
    assertThat(appeals.detail(appeal).response()).isNotNull();
    assertThat(appeals.detail(appeal).stage())
        .isNotIn(AppealStage.AWAITING_RESPONSE, AppealStage.SUBMITTING);
    assertThat(timers(processInstance)).as("the follow-up timer ended with the answer").isZero();
  }

  private long timers(String processInstance) {
    return jdbc.sql(
            "SELECT count(*) FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'timer' AND handler_type_ = 'timer-intermediate-transition'")
        .param(processInstance)
        .query(Long.class)
        .single();
  }
}
