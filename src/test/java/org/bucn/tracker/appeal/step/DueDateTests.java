package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.target.TargetService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every step has a due date from the campaign; coordinators move them; the overdue filter means
 * what it says.
 */
@TrackerTest
class DueDateTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired org.bucn.tracker.shared.TrackerClock clock;

  @Test
  void everyTaskIsDueAsLongAfterItAppearsAsTheCampaignGivesItsStep() {
    Campaign campaign =
        drill.launch(campaigns.create(request("P1D", "P7D", "P3D", 3), CampaignDrill.COORDINATOR));
    long appeal = drill.appeal(campaign, "AL");
    TaskItem draft = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL);
    assertThat(Duration.between(draft.created(), draft.due()))
        .isBetween(Duration.ofHours(23), Duration.ofHours(25));
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Your Excellency, …", "language", "en"));
    TaskItem review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL);
    assertThat(Duration.between(review.created(), review.due()))
        .isBetween(Duration.ofDays(7).minusHours(1), Duration.ofDays(7).plusHours(1));
    drill.complete(
        appeal, TaskKey.REVIEW_APPEAL, CampaignDrill.COORDINATOR, Map.of("decision", "APPROVE"));
    TaskItem submit = drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL);
    assertThat(Duration.between(submit.created(), submit.due()))
        .as("the default")
        .isBetween(Duration.ofDays(3).minusHours(1), Duration.ofDays(3).plusHours(1));
  }

  @Test
  void aCoordinatorMovesADueDateNotIntoThePastAndTheTimelineSaysSo() throws Exception {
    Campaign campaign =
        drill.launch(campaigns.create(request("PT1S", "P2D", "P3D", 3), CampaignDrill.COORDINATOR));
    long appeal = drill.appeal(campaign, "AL");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();

    // Due a second after it appeared: overdue now, and the overdue filter finds it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/tasks?scope=all&overdue=true&campaignId=" + campaign.id())
                            .with(httpBasic("coordinator", "demo")))
                    .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem(task))));

    mvc.perform(
            post("/api/tasks/" + task + "/due")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"due\": \"2020-01-01T00:00:00Z\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("due"));
    mvc.perform(
            post("/api/tasks/" + task + "/due")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"due\": \"next friday\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("due"));
    mvc.perform(
            post("/api/tasks/" + task + "/due")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"due\": \"2099-01-01T00:00:00Z\"}"))
        .andExpect(status().isForbidden());
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).withNano(0);
    mvc.perform(
            post("/api/tasks/" + task + "/due")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                // RFC 3339, as the OpenAPI document says: seconds always written (toString() drops
                // them at :00).
                .content(
                    "{\"due\": \""
                        + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due)
                        + "\"}"))
        .andExpect(status().isOk());
    assertThat(drill.openTask(appeal, TaskKey.DRAFT_APPEAL).orElseThrow().due().toInstant())
        .isEqualTo(due.toInstant());
    mvc.perform(
            get("/api/tasks?scope=all&overdue=true&campaignId=" + campaign.id())
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(task))));
    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("DUE_SET");
              assertThat(e.detail())
                  .contains(
                      java.time.format.DateTimeFormatter.ofPattern(
                              "d MMM yyyy", java.util.Locale.ENGLISH)
                          .format(due.toLocalDate()));
            });
  }

  @Test
  void afterTheLastFollowUpTheTargetGetsOneMoreIntervalBeforeTheEscalation() {
    Campaign campaign =
        drill.launch(
            campaigns.create(
                new CampaignRequest(
                    "Last window " + System.nanoTime(),
                    "Test",
                    Set.of(Demand.CONDEMNATION),
                    "PT6S",
                    1,
                    "P30D",
                    List.of(office("AL"))),
                CampaignDrill.COORDINATOR));
    long appeal = drill.appeal(campaign, "AL");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, java.time.LocalDate.now().toString());
    drill.complete(
        appeal,
        TaskKey.FOLLOW_UP,
        CampaignDrill.ADVOCATE,
        Map.of("doneAt", java.time.LocalDate.now().toString(), "channel", "EMAIL"));
    assertThat(drill.openTask(appeal, TaskKey.ESCALATE_NO_RESPONSE))
        .as("not the moment the last follow-up is done")
        .isEmpty();
    assertThat(drill.openTask(appeal, TaskKey.RECORD_RESPONSE))
        .as("the answer may still come")
        .isPresent();
    assertThat(drill.awaitTask(appeal, TaskKey.ESCALATE_NO_RESPONSE)).isNotNull();
  }

  /**
   * One clock: moved two days on, a draft due in one day is overdue everywhere it is counted, and
   * the timeline is dated by it.
   */
  @Test
  void overdueAndTheTimelineFollowTheApplicationsClock() throws Exception {
    Campaign campaign =
        drill.launch(campaigns.create(request("P1D", "P7D", "P3D", 3), CampaignDrill.COORDINATOR));
    long appeal = drill.appeal(campaign, "AL");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    mvc.perform(
            get("/api/tasks")
                .param("scope", "all")
                .param("campaignId", String.valueOf(campaign.id()))
                .param("overdue", "true")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(task))));
    clock.move(Duration.ofDays(2));
    try {
      mvc.perform(
              get("/api/tasks")
                  .param("scope", "all")
                  .param("campaignId", String.valueOf(campaign.id()))
                  .param("overdue", "true")
                  .with(httpBasic("coordinator", "demo")))
          .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem(task)));
      mvc.perform(
              get("/api/campaigns/{id}/dashboard", campaign.id())
                  .with(httpBasic("manager", "demo")))
          .andExpect(status().isOk());
      drill.complete(
          appeal,
          TaskKey.DRAFT_APPEAL,
          CampaignDrill.ADVOCATE,
          Map.of("text", "Your Excellency, …", "language", "en"));
      OffsetDateTime last =
          appeals.detail(appeal).timeline().get(appeals.detail(appeal).timeline().size() - 1).at();
      assertThat(Duration.between(OffsetDateTime.now(), last))
          .as("dated by the application's clock, two days on")
          .isBetween(Duration.ofDays(2).minusHours(1), Duration.ofDays(2).plusHours(1));
    } finally {
      clock.reset();
    }
  }

  private CampaignRequest request(
      String draftWithin, String reviewWithin, String responseWithin, int maxFollowUps) {
    return new CampaignRequest(
        "Due " + System.nanoTime(),
        "Test",
        Set.of(Demand.CONDEMNATION),
        "P14D",
        maxFollowUps,
        "P30D",
        List.of(office("AL")),
        null,
        draftWithin,
        reviewWithin,
        null,
        responseWithin,
        null);
  }

  private long office(String country) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(country) && !t.office().equals("Prime Minister"))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
