package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The task API as the demo users drive it: whole lifecycles, every refusal, and a race. */
@TrackerTest
class TaskApiTests {

  static final String TODAY = LocalDate.now().toString();
  static final Set<Demand> ALL = Set.of(Demand.values());

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;

  @Test
  void twoAppealsThroughTheirWholeLifecycleOverHttp() throws Exception {
    Campaign campaign = drill.launch(ALL, "PT1S", 2, "P30D", "HR", "RS");
    long croatia = drill.appeal(campaign, "HR");
    long serbia = drill.appeal(campaign, "RS");

    for (long appeal : List.of(croatia, serbia)) {
      String draft = claimable("advocate", campaign, "draftAppeal", appeal);
      mvc.perform(get("/api/tasks/" + draft).with(httpBasic("advocate", "demo")))
          .andExpect(jsonPath("$.mayComplete").value(false));
      perform("advocate", "/api/tasks/" + draft + "/claim", null)
          .andExpect(jsonPath("$.assignee").value("advocate"));
      mvc.perform(get("/api/tasks/" + draft).with(httpBasic("advocate", "demo")))
          .andExpect(jsonPath("$.mayComplete").value(true));
      mvc.perform(get("/api/tasks/" + draft).with(httpBasic("coordinator", "demo")))
          .andExpect(jsonPath("$.mayComplete").value(true));
      complete("advocate", draft, "{\"text\":\"Poštovani ...\",\"language\":\"hr\"}")
          .andExpect(status().isOk());
      complete(
              "coordinator",
              claimable("coordinator", campaign, "reviewAppeal", appeal),
              "{\"decision\":\"APPROVE\"}")
          .andExpect(jsonPath("$.nextTasks[0].taskKey").value("submitAppeal"))
          .andExpect(jsonPath("$.nextTasks[0].assignee").value("advocate"));
      complete(
              "advocate",
              mine("advocate", campaign, "submitAppeal", appeal),
              "{\"submittedAt\":\""
                  + TODAY
                  + "\",\"channel\":\"LETTER\",\"reference\":\"BUCN/"
                  + appeal
                  + "\"}")
          .andExpect(status().isOk());
    }

    // Croatia answers: condemnation, then the sanction outcome is tracked until it is known.
    complete(
            "advocate",
            mine("advocate", campaign, "recordResponse", croatia),
            "{\"receivedAt\":\""
                + TODAY
                + "\",\"kind\":\"CONDEMNED\",\"summary\":\"Condemned the vote\",\"sourceUrl\":\"https://vlada.gov.hr/x\"}")
        .andExpect(jsonPath("$.nextTasks[0].taskKey").value("trackSanction"));
    complete(
            "advocate",
            mine("advocate", campaign, "trackSanction", croatia),
            "{\"status\":\"ALIGNED\",\"measure\":\"Aligned with the EU package\",\"decidedAt\":\""
                + TODAY
                + "\",\"reference\":\"CFSP\",\"sourceUrl\":\"https://eur-lex.europa.eu/\"}")
        .andExpect(jsonPath("$.nextTasks", is(List.of())));

    // Serbia stays silent: follow-ups appear by themselves, then coordinators close it.
    for (int i = 0; i < 2; i++) {
      String followUp = drill.awaitTask(serbia, TaskKey.FOLLOW_UP).id();
      complete(
              "advocate",
              followUp,
              "{\"doneAt\":\""
                  + TODAY
                  + "\",\"channel\":\"EMAIL\",\"note\":\"Reminder "
                  + i
                  + "\"}")
          .andExpect(status().isOk());
    }
    String escalation = drill.awaitTask(serbia, TaskKey.ESCALATE_NO_RESPONSE).id();
    complete("advocate", escalation, "{\"decision\":\"CLOSE_NO_RESPONSE\"}")
        .andExpect(status().isForbidden());
    complete(
            "coordinator",
            escalation,
            "{\"decision\":\"CLOSE_NO_RESPONSE\",\"note\":\"Silent after two reminders\"}")
        .andExpect(status().isOk());

    mvc.perform(get("/api/appeals/{id}", croatia).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.stage").value("CLOSED"))
        .andExpect(jsonPath("$.submission.channel").value("LETTER"))
        .andExpect(jsonPath("$.response.kind").value("CONDEMNED"))
        .andExpect(jsonPath("$.sanctionOutcome.status").value("ALIGNED"))
        .andExpect(jsonPath("$.timeline[*].action", hasItem("SUBMITTED")))
        .andExpect(
            jsonPath("$.timeline[-1].detail")
                .value("Appeal closed: answer condemned, sanctions aligned — the tracker"));
    mvc.perform(get("/api/appeals/{id}", serbia).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.stage").value("CLOSED"))
        .andExpect(jsonPath("$.followUps.length()").value(2))
        .andExpect(jsonPath("$.response.kind").value("NO_RESPONSE"))
        .andExpect(jsonPath("$.timeline[*].action", hasItem("ESCALATED")))
        .andExpect(
            jsonPath(
                "$.timeline[?(@.action == 'CLOSED_NO_RESPONSE')].actor",
                everyItem(is("coordinator"))))
        .andExpect(
            jsonPath(
                "$.timeline[?(@.action == 'CLOSED_NO_RESPONSE')]",
                org.hamcrest.Matchers.hasSize(1)));
    // The campaign counts its closed appeals in jobs of its own: it closes a moment later.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/campaigns/{id}", campaign.id())
                            .with(httpBasic("manager", "demo")))
                    .andExpect(jsonPath("$.status").value("CLOSED"))
                    .andExpect(jsonPath("$.closedEarly").value(false)));
  }

  @Test
  void taskListsFollowTheRoles() throws Exception {
    Campaign campaign = drill.launch(ALL, "P14D", 3, "P30D", "AL", "BG");
    long albania = drill.appeal(campaign, "AL");
    drill.complete(
        albania, TaskKey.DRAFT_APPEAL, ADVOCATE, Map.of("text", "Draft", "language", "sq"));

    mvc.perform(
            get("/api/tasks")
                .param("scope", "claimable")
                .param("campaignId", "" + campaign.id())
                .with(httpBasic("advocate2", "demo")))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].taskKey").value("draftAppeal"))
        .andExpect(jsonPath("$.items[0].countryCode").value("BG"))
        .andExpect(jsonPath("$.items[0].campaignId").value(campaign.id()));
    mvc.perform(
            get("/api/tasks")
                .param("scope", "claimable")
                .param("campaignId", "" + campaign.id())
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[*].taskKey", hasItem("reviewAppeal")));
    mvc.perform(
            get("/api/tasks")
                .param("scope", "all")
                .param("campaignId", "" + campaign.id())
                .param("countryCode", "al")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].stage").value("IN_REVIEW"));
    mvc.perform(get("/api/tasks").param("scope", "all").with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/tasks").with(httpBasic("manager", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/tasks").param("size", "101").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/tasks").param("size", "0").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(
            get("/api/tasks").param("scope", "everything").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("scope"));
    mvc.perform(
            get("/api/tasks")
                .param("taskKey", "sendFlowers")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskKey"));

    // Pages of two over a campaign of exactly three drafting tasks: 2 + 1 + 0, no task twice.
    Campaign three = drill.launch(ALL, "P14D", 3, "P30D", "HR", "RS", "SI");
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      String json =
          mvc.perform(
                  get("/api/tasks")
                      .param("scope", "all")
                      .param("size", "2")
                      .param("page", "" + page)
                      .param("campaignId", "" + three.id())
                      .param("taskKey", "draftAppeal")
                      .with(httpBasic("coordinator", "demo")))
              .andExpect(jsonPath("$.page").value(page))
              .andExpect(jsonPath("$.total").value(3))
              .andExpect(jsonPath("$.items.length()").value(List.of(2, 1, 0).get(page)))
              .andReturn()
              .getResponse()
              .getContentAsString();
      List<String> ids = JsonPath.read(json, "$.items[*].id");
      seen.addAll(ids);
    }
    assertThat(seen).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void everyRefusalNamesItsReasonAndChangesNothing() throws Exception {
    Campaign campaign = drill.launch(ALL, "P14D", 3, "P30D", "GR");
    long greece = drill.appeal(campaign, "GR");
    String draft = drill.awaitTask(greece, TaskKey.DRAFT_APPEAL).id();

    complete("advocate", draft, "{\"text\":\"x\",\"language\":\"el\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("Claim")));
    perform("advocate", "/api/tasks/" + draft + "/claim", null).andExpect(status().isOk());
    perform("advocate2", "/api/tasks/" + draft + "/claim", null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("advocate")));
    perform("advocate2", "/api/tasks/" + draft + "/unclaim", null)
        .andExpect(status().isForbidden());
    complete("advocate2", draft, "{\"text\":\"x\",\"language\":\"el\"}")
        .andExpect(status().isForbidden());
    perform("advocate", "/api/tasks/" + draft + "/assign", "{\"assignee\":\"advocate2\"}")
        .andExpect(status().isForbidden());
    perform("coordinator", "/api/tasks/" + draft + "/assign", "{\"assignee\":\"manager\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    perform("coordinator", "/api/tasks/" + draft + "/assign", "{\"assignee\":\"nobody\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    perform("coordinator", "/api/tasks/" + draft + "/assign", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));

    complete("advocate", draft, "{\"text\":\"\",\"language\":\"greek\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("text")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("language")));
    complete("advocate", draft, "not json").andExpect(status().isBadRequest());
    assertThat(drill.openTask(greece, TaskKey.DRAFT_APPEAL))
        .as("bad input leaves the task open")
        .isPresent();

    perform("coordinator", "/api/tasks/" + draft + "/assign", "{\"assignee\":\"advocate2\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("advocate2"));
    complete("advocate", draft, "{\"text\":\"x\",\"language\":\"el\"}")
        .andExpect(status().isForbidden());
    complete("advocate2", draft, "{\"text\":\"Εξοχότατε ...\",\"language\":\"el\"}")
        .andExpect(status().isOk());
    complete("advocate2", draft, "{\"text\":\"again\",\"language\":\"el\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    String review = drill.awaitTask(greece, TaskKey.REVIEW_APPEAL).id();
    perform("advocate", "/api/tasks/" + review + "/claim", null).andExpect(status().isForbidden());
    complete("coordinator", review, "{\"decision\":\"MAYBE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("decision"));
    complete("coordinator", review, "{\"decision\":\"APPROVE\"}").andExpect(status().isOk());
    String submit = drill.awaitTask(greece, TaskKey.SUBMIT_APPEAL).id();
    complete(
            "advocate2",
            submit,
            "{\"submittedAt\":\"" + LocalDate.now().plusDays(3) + "\",\"channel\":\"LETTER\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("submittedAt"));
    complete("advocate2", submit, "{\"submittedAt\":\"27/11/2026\",\"channel\":\"LETTER\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("submittedAt"));
    complete("advocate2", submit, "{\"submittedAt\":\"" + TODAY + "\",\"channel\":\"PIGEON\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"));

    perform("advocate", "/api/tasks/no-such-task/claim", null).andExpect(status().isNotFound());
    complete("coordinator", "no-such-task", "{}").andExpect(status().isNotFound());
    mvc.perform(get("/api/tasks/no-such-task").with(httpBasic("advocate", "demo")))
        .andExpect(status().isNotFound());
  }

  @Test
  void eightPeopleCompletingOneTaskAtOnceGiveOneSuccessAndSevenConflicts() throws Exception {
    Campaign campaign = drill.launch(ALL, "P14D", 3, "P30D", "MK");
    long appeal = drill.appeal(campaign, "MK");
    drill.complete(
        appeal, TaskKey.DRAFT_APPEAL, ADVOCATE, Map.of("text", "Draft", "language", "mk"));
    String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<Integer> attempt =
          () -> {
            start.await();
            return complete("coordinator", review, "{\"decision\":\"APPROVE\"}")
                .andReturn()
                .getResponse()
                .getStatus();
          };
      results.add(pool.submit(attempt));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(drill.openTask(appeal, TaskKey.SUBMIT_APPEAL)).isPresent();
    mvc.perform(
            get("/api/tasks")
                .param("scope", "all")
                .param("campaignId", "" + campaign.id())
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(get("/api/appeals/{id}", appeal).with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.reviews.length()").value(1));
  }

  private String claimable(String user, Campaign campaign, String taskKey, long appealId)
      throws Exception {
    return find(user, "claimable", campaign, taskKey, appealId);
  }

  private String mine(String user, Campaign campaign, String taskKey, long appealId)
      throws Exception {
    return find(user, "mine", campaign, taskKey, appealId);
  }

  private String find(String user, String scope, Campaign campaign, String taskKey, long appealId)
      throws Exception {
    String json =
        mvc.perform(
                get("/api/tasks")
                    .param("scope", scope)
                    .param("campaignId", "" + campaign.id())
                    .param("taskKey", taskKey)
                    .with(httpBasic(user, "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(json, "$.items[?(@.appealId == " + appealId + ")].id");
    assertThat(ids).as(taskKey + " in " + user + "'s " + scope + " list").hasSize(1);
    return ids.get(0);
  }

  private ResultActions complete(String user, String taskId, String body) throws Exception {
    return perform(user, "/api/tasks/" + taskId + "/complete", body);
  }

  private ResultActions perform(String user, String path, String body) throws Exception {
    var request = post(path).with(httpBasic(user, "demo"));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  /**
   * A campaign closed early marks its appeals WITHDRAWN and ends their processes in batches after
   * it; a task of such an appeal, completed in between, is refused (409) and the appeal stays
   * withdrawn (it moved to review before: the close's scale test caught it).
   */
  @Test
  void aTaskOfAnAppealWithdrawnByTheCloseIsRefusedUntilItsProcessEnds(
      @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    perform("advocate", "/api/tasks/" + task + "/claim", null).andExpect(status().isOk());
    // The close's first half: the appeal withdrawn, its process not yet ended.
    jdbc.sql("UPDATE appeal SET stage = 'WITHDRAWN' WHERE id = ?").param(appeal).update();
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Your Excellency, …\", \"language\": \"sl\"}"))
        .andExpect(status().isConflict());
    assertThat(
            jdbc.sql("SELECT stage FROM appeal WHERE id = ?")
                .param(appeal)
                .query(String.class)
                .single())
        .isEqualTo("WITHDRAWN");
  }
}
