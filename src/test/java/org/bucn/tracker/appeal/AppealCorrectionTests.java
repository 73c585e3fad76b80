package org.bucn.tracker.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A step typed wrong can be corrected, with a reason, by a coordinator or by whoever recorded it
 * within a day; the timeline keeps the original, everything that shows the step follows the
 * correction, and the process does not move.
 */
@TrackerTest
class AppealCorrectionTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired TrackerClock clock;

  @Test
  void aCorrectedResponseShowsEverywhereWithTheOriginalInTheTimelineAndTheProcessStaysWhereItWas()
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "GR");
    long appeal = drill.appeal(campaign, "GR");
    String today = LocalDate.now(clock).toString();
    drill.draftAndApprove(appeal);
    drill.submit(appeal, today);
    drill.respond(appeal, "DECLINED", today);
    assertThat(appeals.detail(appeal).stage()).isEqualTo(AppealStage.CLOSED);

    correct(
            "coordinator",
            "COORDINATOR",
            appeal,
            "{\"step\": \"RESPONSE\", \"kind\": \"ACKNOWLEDGED\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    correct(
            "coordinator",
            "COORDINATOR",
            appeal,
            "{\"step\": \"RESPONSE\", \"kind\": \"DECLINED\", \"reason\": \"same\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("step"));
    correct(
            "coordinator",
            "COORDINATOR",
            appeal,
            "{\"step\": \"RESPONSE\", \"kind\": \"ACKNOWLEDGED\", "
                + "\"summary\": \"Acknowledged receipt; no position yet\", \"reason\": \"Typed from a phone call: they acknowledged, not declined\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.response.kind").value("ACKNOWLEDGED"))
        .andExpect(jsonPath("$.stage").value("CLOSED"));

    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("CORRECTED");
              assertThat(e.actor()).isEqualTo("coordinator");
              assertThat(e.detail())
                  .contains("kind DECLINED → ACKNOWLEDGED")
                  .contains("because: Typed from a phone call");
            });
    mvc.perform(
            get("/api/campaigns/{id}/dashboard", campaign.id())
                .with(user("manager").roles("MANAGER")))
        .andExpect(jsonPath("$.responses.ACKNOWLEDGED").value(1))
        .andExpect(jsonPath("$.responses.DECLINED").doesNotExist());
    mvc.perform(
            get("/api/campaigns/{id}/report.csv", campaign.id())
                .with(user("manager").roles("MANAGER")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("ACKNOWLEDGED"),
                        org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("DECLINED")))));
    assertThat(drill.openTask(appeal, TaskKey.TRACK_SANCTION))
        .as("a correction never moves the process")
        .isEmpty();
  }

  @Test
  void whoeverRecordedAStepCorrectsItWithinADayAndNobodyElseButCoordinators() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");
    drill.draftAndApprove(appeal);
    drill.complete(
        appeal,
        TaskKey.SUBMIT_APPEAL,
        CampaignDrill.ADVOCATE,
        java.util.Map.of(
            "submittedAt",
            LocalDate.now(clock).toString(),
            "channel",
            "LETTER",
            "reference",
            "Post 001"));

    correct(
            "advocate2",
            "ADVOCATE",
            appeal,
            "{\"step\": \"SUBMISSION\", \"reference\": \"Post 002\", \"reason\": \"typo\"}")
        .andExpect(status().isForbidden());
    correct(
            "manager",
            "MANAGER",
            appeal,
            "{\"step\": \"SUBMISSION\", \"reference\": \"Post 002\", \"reason\": \"typo\"}")
        .andExpect(status().isForbidden());
    correct(
            "advocate",
            "ADVOCATE",
            appeal,
            "{\"step\": \"SUBMISSION\", \"reference\": \"Post 002\", \"reason\": \"typo in the number\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.submission.reference").value("Post 002"));
    clock.move(Duration.ofHours(25));
    try {
      correct(
              "advocate",
              "ADVOCATE",
              appeal,
              "{\"step\": \"SUBMISSION\", \"reference\": \"Post 003\", \"reason\": \"again\"}")
          .andExpect(status().isForbidden());
      correct(
              "coordinator",
              "COORDINATOR",
              appeal,
              "{\"step\": \"SUBMISSION\", \"channel\": \"EMBASSY\", \"reason\": \"It went through the embassy\"}")
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.submission.channel").value("EMBASSY"))
          .andExpect(jsonPath("$.submission.reference").value("Post 002"));
    } finally {
      clock.reset();
    }
    correct(
            "coordinator",
            "COORDINATOR",
            appeal,
            "{\"step\": \"RESPONSE\", \"kind\": \"CONDEMNED\", \"reason\": \"x\"}")
        .andExpect(status().isConflict());
    assertThat(appeals.detail(appeal).timeline())
        .filteredOn(e -> e.action().equals("CORRECTED"))
        .extracting(e -> e.detail())
        .containsExactly(
            "Ana Advocate corrected the submission: reference \"Post 001\" → \"Post 002\", because: typo in the number",
            "Dana Coordinator corrected the submission: channel LETTER → EMBASSY, because: It went through the embassy");
  }

  /**
   * "Not in the future" reads the application's clock: moved three days on, a date two days after
   * today's is past.
   */
  @Test
  void pastOrPresentFollowsTheApplicationsClock() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "BG");
    long appeal = drill.appeal(campaign, "BG");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, LocalDate.now(clock).toString());
    drill.respond(appeal, "DECLINED", LocalDate.now(clock).toString());
    String inTwoDays = LocalDate.now(clock).plusDays(2).toString();
    correct(
            "coordinator",
            "COORDINATOR",
            appeal,
            "{\"step\": \"RESPONSE\", \"receivedAt\": \"" + inTwoDays + "\", \"reason\": \"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
    clock.move(Duration.ofDays(3));
    try {
      correct(
              "coordinator",
              "COORDINATOR",
              appeal,
              "{\"step\": \"RESPONSE\", \"receivedAt\": \"" + inTwoDays + "\", \"reason\": \"x\"}")
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.response.receivedAt").value(inTwoDays));
    } finally {
      clock.reset();
    }
  }

  /**
   * From the appeal page: a follow-up's note and date, and the sanction outcome standing now, each
   * with its reason.
   */
  @Test
  void aFollowUpAndASanctionOutcomeAreCorrectedFromTheAppealPage() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.SANCTIONS), "PT1S", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    String today = LocalDate.now(clock).toString();
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    drill.draftAndApprove(appeal);
    drill.submit(appeal, yesterday);
    drill.complete(
        appeal,
        TaskKey.FOLLOW_UP,
        CampaignDrill.ADVOCATE,
        java.util.Map.of("doneAt", today, "channel", "OTHER", "note", "Called"));
    drill.respond(appeal, "CONDEMNED", today);
    drill.complete(
        appeal,
        TaskKey.TRACK_SANCTION,
        CampaignDrill.ADVOCATE,
        java.util.Map.of(
            "status",
            "ALIGNED",
            "measure",
            "Aligned with the EU's restrictive measures",
            "decidedAt",
            today,
            "reference",
            "CFSP decision 2026/1"));

    mvc.perform(get("/appeals/{id}", appeal).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("id=\"correct-follow-up-1\""),
                        org.hamcrest.Matchers.containsString("id=\"correct-sanction\""))));
    mvc.perform(
            post("/appeals/{id}/corrections", appeal)
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("step", "FOLLOW_UP")
                .param("number", "1")
                .param("doneAt", yesterday)
                .param("channel", "MEETING")
                .param("note", "Called the cabinet; promised an answer")
                .param("reason", "The call was the day before"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/appeals/{id}/corrections", appeal)
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("step", "SANCTION_OUTCOME")
                .param("status", "ALIGNED")
                .param("measure", "Aligned with the EU's restrictive measures")
                .param("decidedAt", today)
                .param("reference", "CFSP decision 2026/2")
                .param("reason", "Wrong decision number"))
        .andExpect(status().is3xxRedirection());

    AppealViews.AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.followUps().get(0).doneAt()).hasToString(yesterday);
    assertThat(detail.followUps().get(0).note())
        .isEqualTo("Called the cabinet; promised an answer");
    assertThat(detail.sanctionChecks().get(detail.sanctionChecks().size() - 1).reference())
        .isEqualTo("CFSP decision 2026/2");
    assertThat(detail.timeline())
        .filteredOn(e -> e.action().equals("CORRECTED"))
        .extracting(e -> e.detail())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("Dana Coordinator corrected follow-up")
                    .contains("because: The call was the day before"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("reference \"CFSP decision 2026/1\" → \"CFSP decision 2026/2\""));
  }

  private ResultActions correct(String username, String role, long appeal, String json)
      throws Exception {
    return mvc.perform(
        post("/api/appeals/{id}/corrections", appeal)
            .with(user(username).roles(role))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
