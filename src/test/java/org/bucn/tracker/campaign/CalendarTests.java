package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Campaigns on the calendar: a draft with a launch time launches itself then, once, as the
 * coordinator who set it would; letters with errors stop it and the coordinators hear why; events
 * are recorded with their source, and a round prepared for one copies the last round for that kind
 * of event, launching by itself days before the date.
 */
@TrackerTest
class CalendarTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired org.bucn.tracker.user.UserService users;

  @Test
  void aDraftWithALaunchTimeLaunchesItselfThenOnceAsItsCoordinator() throws Exception {
    OffsetDateTime launchAt = OffsetDateTime.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    long id =
        json(coordinator(
                    post("/api/campaigns")
                        .content(campaign("On the calendar", launchAt, demo("AL"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")))
            .path("id")
            .asLong();
    assertThat(OffsetDateTime.parse(campaigns.get(id).launchAt().toString()).toInstant())
        .isEqualTo(launchAt.toInstant());

    await("the campaign launches at its time")
        .atMost(Duration.ofSeconds(30))
        .until(() -> campaigns.get(id).status() == CampaignStatus.ACTIVE);
    Campaign launched = campaigns.get(id);
    assertThat(launched.launchedBy()).isEqualTo("coordinator");
    assertThat(launched.launchedAt().toInstant()).isAfterOrEqualTo(launchAt.toInstant());
    await().atMost(Duration.ofSeconds(30)).until(() -> appeals.opening(id).complete());
    assertThat(appeals.summariesOfCampaign(id)).hasSize(1);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CampaignProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(id))
                .count())
        .as("launched once")
        .isEqualTo(1);
    assertThat(waiting(id)).isZero();
  }

  @Test
  void aDraftWhoseLettersHaveErrorsDoesNotLaunchAndTheCoordinatorsAreTold() throws Exception {
    Target noForms = office("HR", "Croatia", "hr", "Speaker");
    String title = "Stopped at its time " + System.nanoTime();
    long id =
        json(coordinator(
                    post("/api/campaigns")
                        .content(
                            campaign(title, OffsetDateTime.now().plusSeconds(2), noForms.id())))
                .andExpect(status().isCreated()))
            .path("id")
            .asLong();
    letters.save(
        id,
        "hr",
        new LetterRequest("Apel", "Poštovani {{holderName}},\n\n{{demands}}.", true),
        CampaignDrill.COORDINATOR);

    await("the launch time passes and the launch is stopped")
        .atMost(Duration.ofSeconds(30))
        .until(() -> campaigns.get(id).launchStoppedAt() != null);
    assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);
    assertThat(appeals.summariesOfCampaign(id)).isEmpty();
    JsonNode notices = json(mvc.perform(get("/api/me/notices").with(coordinatorUser())));
    assertThat(notices.path("notices").findValuesAsText("line"))
        .anySatisfy(line -> assertThat(line).contains(title).contains("did not launch"));
    assertThat(notices.path("notices").findValuesAsText("path")).contains("/campaigns/" + id);
    assertThat(waiting(id)).isZero();
  }

  @Test
  void aLaunchTimeIsAMomentToComeAndANewOneReplacesTheOld() throws Exception {
    String before = JSON.writeValueAsString(campaigns.findAll().size());
    coordinator(
            post("/api/campaigns")
                .content(campaign("Past", OffsetDateTime.now().minusMinutes(1), demo("AL"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("launchAt"));
    assertThat(JSON.writeValueAsString(campaigns.findAll().size())).isEqualTo(before);

    long id =
        json(coordinator(
                    post("/api/campaigns")
                        .content(campaign("Later", OffsetDateTime.now().plusDays(3), demo("AL"))))
                .andExpect(status().isCreated()))
            .path("id")
            .asLong();
    assertThat(waiting(id)).isEqualTo(1);
    coordinator(
            put("/api/campaigns/{id}", id)
                .content(campaign("Later", OffsetDateTime.now().plusDays(5), demo("AL"))))
        .andExpect(status().isOk());
    assertThat(waiting(id)).as("the new time replaces the old").isEqualTo(1);
    coordinator(put("/api/campaigns/{id}", id).content(campaign("Later", null, demo("AL"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.launchAt").doesNotExist());
    assertThat(waiting(id)).as("no time, no wait").isZero();

    coordinator(
            put("/api/campaigns/{id}", id)
                .content(campaign("Later", OffsetDateTime.now().plusDays(5), demo("AL"))))
        .andExpect(status().isOk());
    coordinator(post("/api/campaigns/{id}/launch", id)).andExpect(status().isOk());
    assertThat(waiting(id)).as("launched by hand").isZero();
  }

  @Test
  void eventsAreRecordedWithTheirSourceAndARoundCopiesTheLastRoundForThatKind() throws Exception {
    coordinator(post("/api/events").content("{\"title\":\"\",\"kind\":\"VOTE\"}"))
        .andExpect(status().isBadRequest());
    coordinator(
            post("/api/events")
                .content(
                    "{\"title\":\"Vote\",\"kind\":\"SHAM_ELECTION\",\"date\":\"2027-09-19\",\"source\":\"javascript:alert(1)\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("source"));
    mvc.perform(
            post("/api/events")
                .with(user("advocate").roles("ADVOCATE"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(event("Not theirs", LocalDate.now().plusDays(40))))
        .andExpect(status().isForbidden());

    LocalDate firstDate = LocalDate.now().plusDays(40);
    long first =
        json(coordinator(post("/api/events").content(event("Single voting day", firstDate)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SHAM_ELECTION"))
                .andExpect(jsonPath("$.territories[0]").value("Crimea"))
                .andExpect(jsonPath("$.source").value("https://example.org/announced")))
            .path("id")
            .asLong();
    mvc.perform(get("/api/events").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + first + ")].title").value("Single voting day"));

    coordinator(post("/api/events/{id}/rounds", first).content("{\"daysBefore\":400}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore"));
    coordinator(post("/api/events/{id}/rounds", first).content("{\"daysBefore\":41}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("daysBefore"));

    JsonNode round =
        json(
            coordinator(post("/api/events/{id}/rounds", first).content("{\"daysBefore\":7}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.title").value("Single voting day"))
                .andExpect(jsonPath("$.eventId").value(first)));
    ZoneId zone = InterfaceLanguage.DEFAULT_ZONE;
    assertThat(OffsetDateTime.parse(round.path("launchAt").asText()).toInstant())
        .isEqualTo(firstDate.minusDays(7).atTime(9, 0).atZone(zone).toInstant());
    long roundId = round.path("id").asLong();
    assertThat(waiting(roundId)).isEqualTo(1);

    // The round is changed; a campaign for no event is made after it: the next election's round
    // starts from the round, not from the newest campaign.
    Target added = office("MK", "North Macedonia", "mk", "Speaker");
    Campaign changed = campaigns.get(roundId);
    List<Long> roundOffices =
        new java.util.ArrayList<>(changed.targetIds().stream().limit(2).toList());
    roundOffices.add(added.id());
    coordinator(
            put("/api/campaigns/{id}", roundId)
                .content(campaign(changed.title(), changed.launchAt(), roundOffices)))
        .andExpect(status().isOk());
    campaigns.create(
        new CampaignRequest(
            "For no event " + System.nanoTime(),
            "Test",
            Set.of(Demand.CONDEMNATION),
            "P14D",
            3,
            "P30D",
            List.of(demo("AL"))),
        CampaignDrill.COORDINATOR);
    long second =
        json(coordinator(
                    post("/api/events")
                        .content(event("Next voting day", LocalDate.now().plusDays(60))))
                .andExpect(status().isCreated()))
            .path("id")
            .asLong();
    JsonNode next =
        json(
            coordinator(
                    post("/api/events/{id}/rounds", second)
                        .content("{\"daysBefore\":10,\"title\":\"Second round\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Second round")));
    assertThat(campaigns.get(next.path("id").asLong()).targetIds())
        .containsExactlyInAnyOrderElementsOf(roundOffices);
  }

  @Test
  void theCalendarPageRecordsAnEventKeepsWhatWasTypedAndPreparesARound() throws Exception {
    String title = "Page vote " + System.nanoTime();
    String page =
        mvc.perform(
                post("/events")
                    .with(coordinatorUser())
                    .with(csrf())
                    .param("title", title)
                    .param("kind", "SHAM_REFERENDUM")
                    .param("territories", "Kherson, Zaporizhzhia")
                    .param("source", "https://example.org/referendum"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .as("a date missing: the form comes back as typed, the date marked")
        .contains("value=\"" + title + "\"")
        .contains("value=\"Kherson, Zaporizhzhia\"")
        .contains("id=\"date-error\"");
    assertThat(
            json(mvc.perform(get("/api/events").with(coordinatorUser()))).findValuesAsText("title"))
        .doesNotContain(title);

    mvc.perform(
            post("/events")
                .with(coordinatorUser())
                .with(csrf())
                .param("title", title)
                .param("kind", "SHAM_REFERENDUM")
                .param("date", LocalDate.now().plusDays(90).toString())
                .param("territories", "Kherson, Zaporizhzhia")
                .param("source", "https://example.org/referendum"))
        .andExpect(status().is3xxRedirection());
    JsonNode recorded = null;
    for (JsonNode e : json(mvc.perform(get("/api/events").with(coordinatorUser())))) {
      if (e.path("title").asText().equals(title)) {
        recorded = e;
      }
    }
    assertThat(recorded).isNotNull();
    assertThat(recorded.path("territories").get(0).asText()).isEqualTo("Kherson");
    assertThat(recorded.path("territories").get(1).asText()).isEqualTo("Zaporizhzhia");
    long id = recorded.path("id").asLong();

    String advocates =
        mvc.perform(get("/events").with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(advocates).contains(title).contains("https://example.org/referendum");
    assertThat(advocates).doesNotContain("/events/" + id + "/rounds");
    assertThat(calendarPage()).contains("/events/" + id + "/rounds");
    long past =
        json(coordinator(
                    post("/api/events")
                        .content(event("A past vote", LocalDate.now().minusDays(30))))
                .andExpect(status().isCreated()))
            .path("id")
            .asLong();
    assertThat(calendarPage())
        .as("no round for a vote that has passed")
        .doesNotContain("/events/" + past + "/rounds");

    String refused =
        mvc.perform(
                post("/events/{id}/rounds", id)
                    .with(coordinatorUser())
                    .with(csrf())
                    .param("daysBefore", "400"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("value=\"400\"").contains("days-" + id + "-error");

    String location =
        mvc.perform(
                post("/events/{id}/rounds", id)
                    .with(coordinatorUser())
                    .with(csrf())
                    .param("daysBefore", "20"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Campaign round = campaigns.get(Long.parseLong(location.replaceAll(".*/", "")));
    assertThat(round.title()).isEqualTo(title);
    assertThat(round.eventId()).isEqualTo(id);
    assertThat(round.launchAt().toInstant())
        .isEqualTo(
            LocalDate.now()
                .plusDays(70)
                .atTime(9, 0)
                .atZone(InterfaceLanguage.DEFAULT_ZONE)
                .toInstant());
  }

  @Test
  void theNewCampaignFormTakesALaunchTimeInTheCoordinatorsZoneAndKeepsItWhenRefused()
      throws Exception {
    String title = "Form launch " + System.nanoTime();
    java.time.LocalDateTime past = java.time.LocalDateTime.now().minusDays(2).withNano(0);
    String refused =
        mvc.perform(newCampaignForm(title).param("launchAtLocal", past.toString().substring(0, 16)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused)
        .contains("id=\"launchAt-error\"")
        .contains("value=\"" + past.toString().substring(0, 16) + "\"")
        .contains("value=\"" + title + "\"");
    assertThat(campaigns.findAll()).noneMatch(c -> c.title().equals(title));

    java.time.LocalDateTime later =
        java.time.LocalDateTime.now().plusDays(9).withSecond(0).withNano(0);
    mvc.perform(newCampaignForm(title).param("launchAtLocal", later.toString()))
        .andExpect(status().is3xxRedirection());
    Campaign created =
        campaigns.findAll().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    ZoneId zone = users.find("coordinator").orElseThrow().zone();
    assertThat(created.launchAt().toInstant()).isEqualTo(later.atZone(zone).toInstant());
    assertThat(waiting(created.id())).isEqualTo(1);
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      newCampaignForm(String title) {
    return post("/campaigns")
        .with(coordinatorUser())
        .with(csrf())
        .param("title", title)
        .param("summary", "Test")
        .param("demands", "CONDEMNATION")
        .param("followUpInterval", "P14D")
        .param("maxFollowUps", "3")
        .param("sanctionCheckInterval", "P30D")
        .param("targetIds", String.valueOf(demo("AL")));
  }

  private String calendarPage() throws Exception {
    return mvc.perform(get("/events").with(coordinatorUser()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long waiting(long campaignId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ScheduledLaunches.KEY)
        .processInstanceBusinessKey(String.valueOf(campaignId))
        .count();
  }

  private String campaign(String title, OffsetDateTime launchAt, long... offices) throws Exception {
    return campaign(title, launchAt, java.util.Arrays.stream(offices).boxed().toList());
  }

  private String campaign(String title, OffsetDateTime launchAt, List<Long> offices)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("title", title);
    body.put("summary", "Test");
    body.put("demands", List.of("CONDEMNATION"));
    body.put("followUpInterval", "P14D");
    body.put("maxFollowUps", 3);
    body.put("sanctionCheckInterval", "P30D");
    body.put("targetIds", offices);
    if (launchAt != null) {
      body.put(
          "launchAt", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(launchAt));
    }
    return JSON.writeValueAsString(body);
  }

  private static String event(String title, LocalDate date) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "title",
            title,
            "kind",
            "SHAM_ELECTION",
            "date",
            date.toString(),
            "territories",
            List.of("Crimea", "Zaporizhzhia"),
            "source",
            "https://example.org/announced"));
  }

  private ResultActions coordinator(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(coordinatorUser()).contentType(MediaType.APPLICATION_JSON));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor
      coordinatorUser() {
    return user("coordinator").roles("COORDINATOR");
  }

  private static JsonNode json(ResultActions result) throws Exception {
    return JSON.readTree(
        result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private Target office(String code, String country, String language, String office) {
    return drill.newOffice(code, country, language, office);
  }

  private long demo(String code) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(code))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
