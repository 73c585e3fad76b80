package org.bucn.tracker.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The admins' console shows stuck jobs and refused mails and retries them. */
@TrackerTest
class OperationsTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired ManagementService management;
  @Autowired Operations operations;
  @Autowired JdbcClient jdbc;

  @Test
  void aJobWithNoRetriesLeftIsShownWithItsAppealAndCanBeRetried() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "BA");
    long appeal = drill.appeal(campaign, "BA");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, java.time.LocalDate.now().toString());
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(drill.process(appeal).getId())
            .timers()
            .singleResult();
    management.setJobRetries(timer.getId(), 0); // as if it had failed every try

    assertThat(operations.overview().failedJobs())
        .anySatisfy(
            j -> {
              assertThat(j.jobId()).isEqualTo(timer.getId());
              assertThat(j.appealId()).isEqualTo(appeal);
              assertThat(j.activity()).isEqualTo("Event_FollowUpDue");
            });
    mvc.perform(get("/admin/operations").with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Event_FollowUpDue")))
        // The embedded database is backed up from the console (BackupRestoreTests restores it).
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("href=\"/api/admin/backup\"")));
    mvc.perform(
            post("/admin/operations/jobs/{id}/retry", timer.getId())
                .with(user("admin").roles("ADMIN"))
                .with(csrf()))
        .andExpect(status().isFound());
    assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(1);
    assertThat(operations.overview().failedJobs())
        .noneSatisfy(j -> assertThat(j.jobId()).isEqualTo(timer.getId()));
  }

  @Test
  void refusedMailsAreListedAndCanBeTriedAgainAtOnce() throws Exception {
    // No SMTP server listens in this class, so the first try fails.
    jdbc.sql(
            "INSERT INTO mail_outbox (recipient, subject, body) VALUES ('ops@example.org', 'Ops test', 'Body')")
        .update();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                operations.overview().failingMails().stream()
                    .anyMatch(m -> m.recipient().equals("ops@example.org") && m.attempts() >= 1));
    // Paused after its failure: the retry must bring it forward, not find it due anyway.
    String pause =
        "UPDATE mail_outbox SET next_attempt_at = now() + interval '1 hour' WHERE recipient = 'ops@example.org'";
    jdbc.sql(pause).update();
    assertThat(operations.retryMailsNow()).as("mails brought forward").isGreaterThanOrEqualTo(1);
    jdbc.sql(pause).update();
    mvc.perform(
            post("/admin/operations/mails/retry").with(user("admin").roles("ADMIN")).with(csrf()))
        .andExpect(status().isFound());
    assertThat(
            jdbc.sql(
                    "SELECT next_attempt_at < now() + interval '30 minutes' FROM mail_outbox WHERE recipient = 'ops@example.org'")
                .query(Boolean.class)
                .single())
        .as("the page's button brought it forward too")
        .isTrue();
  }

  @Test
  void onlyAdminsOpenTheConsole() throws Exception {
    for (String name : List.of("coordinator", "advocate", "manager")) {
      mvc.perform(get("/admin/operations").with(user(name).roles(name.toUpperCase())))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/admin/operations").with(httpBasic("manager", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/admin/operations").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.runningAppeals")
                .isNumber());
  }
}
