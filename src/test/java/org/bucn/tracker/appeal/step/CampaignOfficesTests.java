package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignProcess;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A running campaign takes another office (its appeal starts as if launched with the campaign) and
 * lets one go (its appeal withdrawn, saying why); the campaign still closes exactly once, when its
 * last appeal ends.
 */
@TrackerTest
class CampaignOfficesTests {

  static final String TODAY = LocalDate.now().toString();

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired AppealService appeals;
  @Autowired TargetService targets;
  @Autowired HistoryService history;
  @Autowired org.bucn.tracker.campaign.Letters letters;

  @Test
  void anOfficeAddedToARunningCampaignRunsBesideTheOthersAndTheCampaignClosesOnce()
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    long albania = drill.appeal(campaign, "AL");
    long added = office("MK");

    add(campaign.id(), added)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.targetIds[?(@ == " + added + ")]").exists());
    long macedonia = drill.appeal(campaign, "MK");
    assertThat(drill.awaitTask(macedonia, TaskKey.DRAFT_APPEAL).office())
        .isEqualTo(targets.get(added).office());
    add(campaign.id(), added)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("targetIds[0]"));

    // Withdrawing the first office: a reason is required, then its appeal ends alone.
    long albaniaOffice = office("AL");
    mvc.perform(
            delete("/api/campaigns/{id}/targets/{targetId}", campaign.id(), albaniaOffice)
                .param("reason", " ")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(appeals.detail(albania).stage()).isEqualTo(AppealStage.DRAFTING);
    mvc.perform(
            delete("/api/campaigns/{id}/targets/{targetId}", campaign.id(), albaniaOffice)
                .param("reason", "The President resigned; the office is vacant")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    assertThat(appeals.detail(albania).stage()).isEqualTo(AppealStage.WITHDRAWN);
    assertThat(drill.openTask(albania, TaskKey.DRAFT_APPEAL)).isEmpty();
    assertThat(drill.process(albania)).as("its process ended").isNull();
    assertThat(appeals.detail(albania).timeline())
        .anySatisfy(
            line -> {
              assertThat(line.action()).isEqualTo("WITHDRAWN");
              assertThat(line.detail()).contains("The President resigned; the office is vacant");
            });
    mvc.perform(
            delete("/api/campaigns/{id}/targets/{targetId}", campaign.id(), albaniaOffice)
                .param("reason", "again")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict());
    assertThat(campaigns.get(campaign.id()).status())
        .as("the added office's appeal still runs")
        .isEqualTo(CampaignStatus.ACTIVE);

    drill.draftAndApprove(macedonia);
    drill.submit(macedonia, TODAY);
    drill.respond(macedonia, "CONDEMNED", TODAY);
    Awaitility.await("the last appeal ended, so the campaign did")
        .atMost(Duration.ofSeconds(30))
        .until(() -> campaigns.get(campaign.id()).status() == CampaignStatus.CLOSED);
    assertThat(campaigns.get(campaign.id()).closedEarly()).isFalse();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(
                    history
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(CampaignProcess.KEY)
                        .processInstanceBusinessKey(String.valueOf(campaign.id()))
                        .singleResult()
                        .getId())
                .activityId(CampaignProcess.TASK_CLOSE)
                .count())
        .as("closed exactly once")
        .isEqualTo(1);
    add(campaign.id(), office("ME")).andExpect(status().isConflict());
  }

  /**
   * Added in the moment the launch's job opens the appeals: each appeal opens once all the same.
   */
  @Test
  void anOfficeAddedWhileTheLaunchStillOpensTheAppealsOpensOnce() throws Exception {
    Campaign draft = draft("RS", "HR");
    Campaign launched = launchDespiteErrors(draft);
    long added = office("BA");
    add(launched.id(), added).andExpect(status().isOk());

    drill.awaitOpened(launched);
    for (String country : List.of("RS", "HR", "BA")) {
      drill.awaitTask(drill.appeal(launched, country), TaskKey.DRAFT_APPEAL);
    }
    assertThat(appeals.summariesOfCampaign(launched.id())).hasSize(3);
  }

  @Test
  void aDraftCampaignsListTakesAndLetsGoOfOfficesWithoutAReason() throws Exception {
    Campaign draft = draft("RS");
    long croatia = office("HR");
    add(draft.id(), croatia).andExpect(status().isOk());
    assertThat(campaigns.get(draft.id()).targetIds()).contains(croatia);
    mvc.perform(
            delete("/api/campaigns/{id}/targets/{targetId}", draft.id(), croatia)
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(campaigns.get(draft.id()).targetIds()).doesNotContain(croatia);
    mvc.perform(
            delete("/api/campaigns/{id}/targets/{targetId}", draft.id(), croatia)
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/campaigns/{id}/targets", draft.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetIds\": [987654321]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetIds[0]"));
    mvc.perform(
            post("/api/campaigns/{id}/targets", draft.id())
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetIds\": [" + croatia + "]}"))
        .andExpect(status().isForbidden());
  }

  /**
   * Adds the office to the campaign through the API; on a running campaign, first without
   * overrides, and if its letter has errors (409 listing them), again naming each with a reason.
   */
  private ResultActions add(long campaignId, long targetId) throws Exception {
    ResultActions first =
        mvc.perform(
            post("/api/campaigns/{id}/targets", campaignId)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetIds\": [" + targetId + "]}"));
    String body = first.andReturn().getResponse().getContentAsString();
    if (first.andReturn().getResponse().getStatus() != 409
        || !body.contains("\"code\"")
        || !body.contains("\"targetId\"")) {
      return first;
    }
    List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
    String overrides =
        String.join(
            ",",
            errors.stream()
                .map(
                    e ->
                        "{\"targetId\": "
                            + e.get("targetId")
                            + ", \"code\": \""
                            + e.get("code")
                            + "\", \"reason\": \"a test drill\"}")
                .toList());
    return mvc.perform(
        post("/api/campaigns/{id}/targets", campaignId)
            .with(httpBasic("coordinator", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"targetIds\": [" + targetId + "], \"overrides\": [" + overrides + "]}"));
  }

  private Campaign launchDespiteErrors(Campaign draft) {
    return campaigns.launch(
        draft.id(),
        org.bucn.tracker.campaign.LaunchOverride.forEveryError(
            letters.preview(draft.id()), "a test drill"),
        CampaignDrill.COORDINATOR);
  }

  private Campaign draft(String... countries) {
    return campaigns.create(
        new org.bucn.tracker.campaign.CampaignRequest(
            "Drill " + System.nanoTime(),
            "A test campaign",
            Set.of(Demand.CONDEMNATION),
            "P14D",
            3,
            "P30D",
            java.util.Arrays.stream(countries).map(this::office).toList()),
        CampaignDrill.COORDINATOR);
  }

  /** The head of state's office of a country, as the drill picks it. */
  private long office(String countryCode) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(countryCode) && !t.office().equals("Prime Minister"))
        .findFirst()
        .map(Target::id)
        .orElseThrow();
  }
}
