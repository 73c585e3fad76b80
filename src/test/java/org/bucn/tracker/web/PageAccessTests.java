package org.bucn.tracker.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page for every role, as DESIGN's permission table says, and every form without its CSRF
 * token.
 */
@TrackerTest
class PageAccessTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired JdbcClient jdbc;
  @Autowired org.bucn.tracker.user.UserService users;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  Campaign campaign;
  long appeal;
  String draftTask;

  static RequestPostProcessor as(String username) {
    String role =
        switch (username) {
          case "advocate", "advocate2" -> "ADVOCATE";
          default -> username.toUpperCase();
        };
    return user(username).roles(role);
  }

  @BeforeEach
  void campaign() {
    campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "XK");
    appeal = drill.appeal(campaign, "XK");
    draftTask = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
  }

  @Test
  void theTaskListTakesEachPersonBackWhereTheyLeftIt() throws Exception {
    mvc.perform(get("/tasks").with(as("advocate2")))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                "/tasks?tab=*"));
    mvc.perform(
            get("/tasks")
                .param("tab", "claimable")
                .param("countryCode", "XK")
                .param("sort", "created")
                .with(as("advocate2")))
        .andExpect(status().isOk());
    mvc.perform(get("/tasks").with(as("advocate2")))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/tasks?tab=claimable&countryCode=XK&sort=created"));
    mvc.perform(get("/tasks").with(as("coordinator"))).andExpect(status().isFound());
  }

  @Test
  void everyPageForEveryRole() throws Exception {
    long target = jdbc.sql("SELECT min(id) FROM target").query(Long.class).single();
    Map<String, List<String>> allowed = new java.util.LinkedHashMap<>();
    allowed.put("/", List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/tasks?tab=mine", List.of("coordinator", "advocate"));
    allowed.put("/tasks?tab=all", List.of("coordinator", "advocate"));
    allowed.put("/tasks/" + draftTask, List.of("coordinator", "advocate"));
    allowed.put("/campaigns", List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/campaigns/new", List.of("coordinator"));
    allowed.put(
        "/campaigns/" + campaign.id(), List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/appeals/" + appeal, List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/targets", List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/targets/new", List.of("coordinator"));
    allowed.put("/targets/" + target + "/edit", List.of("coordinator"));
    allowed.put("/admin/users", List.of("admin"));
    allowed.put("/profile", List.of("coordinator", "advocate", "manager", "admin"));
    allowed.put("/dashboard", List.of("coordinator", "manager", "admin"));
    for (var page : allowed.entrySet()) {
      for (String user : List.of("coordinator", "advocate", "manager", "admin")) {
        var result = mvc.perform(get(page.getKey()).with(as(user)));
        if (page.getValue().contains(user)) {
          result
              .andExpect(status().isOk())
              .andExpect(content().contentTypeCompatibleWith("text/html"));
        } else {
          result.andExpect(status().isForbidden());
        }
      }
      mvc.perform(get(page.getKey()))
          .andExpect(status().isFound())
          .andExpect(redirectedUrlPattern("**/login"));
    }
  }

  @Test
  void theTaskPageReadsItsFiltersAsTheApiDoes() throws Exception {
    mvc.perform(
            get("/tasks").param("tab", "all").param("countryCode", "rs").with(as("coordinator")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Serbia")));
    mvc.perform(get("/tasks").param("taskKey", "sendFlowers").with(as("coordinator")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("taskKey")));
    mvc.perform(get("/api/tasks").param("taskKey", "sendFlowers").with(as("coordinator")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aDeniedPageShowsTheForbiddenPageInTheRealServer() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    String loginPage =
        http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    org.assertj.core.api.Assertions.assertThat(token.find()).isTrue();
    http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "username=advocate&password=demo&_csrf=" + token.group(1)))
            .build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    var denied =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/users"))
                .header("Accept", "text/html")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(denied.statusCode()).isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(denied.body())
        .contains("Not allowed")
        .contains("Log out")
        .doesNotContain("Exception");
  }

  @Test
  void theStartPageSummaryCountsTheDaysWork() throws Exception {
    mvc.perform(get("/").with(as("advocate2")))
        .andExpect(content().string(containsString("You may take")));
    mvc.perform(post("/tasks/{id}/claim", draftTask).with(as("advocate2")).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(get("/").with(as("advocate2")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.matchesPattern(
                        "(?s).*Your tasks, soonest due first \\([1-9]\\d*\\).*")))
        .andExpect(content().string(containsString("/tasks/" + draftTask)));
    mvc.perform(get("/").with(as("manager")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<span class=\"kpi\">\\d+</span> appeals.*")));
  }

  @Test
  void unknownThingsShowTheNotFoundPageWithoutAStackTrace() throws Exception {
    for (String path :
        List.of(
            "/campaigns/987654",
            "/appeals/987654",
            "/tasks/no-such-task",
            "/targets/987654/edit",
            "/campaigns/abc")) {
      mvc.perform(get(path).with(as("coordinator")))
          .andExpect(status().isNotFound())
          .andExpect(content().string(containsString("Not found")))
          .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }
  }

  @Test
  void anotherAdvocatesTaskIsNotShownToAnAdvocate() throws Exception {
    mvc.perform(post("/tasks/{id}/claim", draftTask).with(as("advocate2")).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(get("/tasks/{id}", draftTask).with(as("advocate")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/tasks/{id}", draftTask).with(as("advocate2"))).andExpect(status().isOk());
  }

  @Test
  void everyFormRefusesAPostWithoutItsCsrfToken() throws Exception {
    Map<String, String> forms = new java.util.LinkedHashMap<>();
    forms.put("/tasks/" + draftTask + "/claim", "coordinator");
    forms.put("/tasks/" + draftTask + "/unclaim", "coordinator");
    forms.put("/tasks/" + draftTask + "/assign?assignee=advocate", "coordinator");
    forms.put("/tasks/assign?assignee=advocate&taskIds=" + draftTask, "coordinator");
    forms.put("/tasks/" + draftTask + "/complete?text=x&language=sq", "coordinator");
    forms.put("/campaigns?title=x", "coordinator");
    forms.put("/campaigns/" + campaign.id() + "/launch", "coordinator");
    forms.put("/campaigns/" + campaign.id() + "/close", "coordinator");
    forms.put("/targets?office=x", "coordinator");
    forms.put("/targets/1?office=x", "coordinator");
    forms.put("/admin/users?username=x&password=12345678&roles=ADMIN", "admin");
    forms.put("/admin/users/advocate?roles=ADMIN&enabled=true", "admin");
    forms.put("/admin/users/advocate/password?password=12345678", "admin");
    forms.put("/logout", "coordinator");
    for (var form : forms.entrySet()) {
      mvc.perform(post(form.getKey()).with(as(form.getValue()))).andExpect(status().isForbidden());
    }
    org.assertj.core.api.Assertions.assertThat(
            drill.openTask(appeal, TaskKey.DRAFT_APPEAL).orElseThrow().assignee())
        .isNull();
  }

  @Test
  void rolesThatMayNotActGet403FromTheForms() throws Exception {
    mvc.perform(post("/campaigns/{id}/close", campaign.id()).with(as("manager")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/{id}/claim", draftTask).with(as("manager")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}/assign", draftTask)
                .param("assignee", "advocate")
                .with(as("advocate"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/users")
                .param("username", "x")
                .param("password", "12345678")
                .with(as("coordinator"))
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aCoordinatorCreatesAndLaunchesACampaignFromTheForms() throws Exception {
    long target =
        jdbc.sql("SELECT id FROM target WHERE country_code = 'ME' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(
            post("/campaigns")
                .with(as("coordinator"))
                .with(csrf())
                .param("title", "")
                .param("demands", "SANCTIONS")
                .param("followUpInterval", "soon")
                .param("maxFollowUps", "3")
                .param("sanctionCheckInterval", "P30D"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"title-error\"")))
        .andExpect(content().string(containsString("id=\"followUpInterval-error\"")))
        .andExpect(content().string(containsString("id=\"targetIds-error\"")))
        .andExpect(content().string(containsString("value=\"soon\"")));
    // A value the record cannot even be built from (only a hand-made post sends one): the form
    // comes back, marked.
    mvc.perform(
            post("/campaigns")
                .with(as("coordinator"))
                .with(csrf())
                .param("title", "T")
                .param("demands", "SANCTIONS")
                .param("followUpInterval", "P7D")
                .param("maxFollowUps", "abc")
                .param("sanctionCheckInterval", "P30D")
                .param("targetIds", String.valueOf(target)))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("id=\"maxFollowUps-error\">is not a valid value")));
    String location =
        mvc.perform(
                post("/campaigns")
                    .with(as("coordinator"))
                    .with(csrf())
                    .param("title", "Form campaign")
                    .param("summary", "Asks for sanctions")
                    .param("demands", "SANCTIONS")
                    .param("followUpInterval", "P7D")
                    .param("maxFollowUps", "2")
                    .param("sanctionCheckInterval", "P30D")
                    .param("targetIds", String.valueOf(target)))
            .andExpect(status().isFound())
            .andExpect(flash().attribute("flash", containsString("draft")))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(post(location + "/launch").with(as("coordinator")).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("flash", containsString("Launched to 1 target:")));
    mvc.perform(get(location).with(as("manager")))
        .andExpect(content().string(containsString("Montenegro")));
  }

  /**
   * Nobody types "P14D": a duration is a number and a unit, stored as ISO-8601 as the API takes it.
   */
  @Test
  void aCampaignsDurationsAreChosenAsANumberAndAUnit(
      @Autowired org.bucn.tracker.campaign.CampaignService campaigns) throws Exception {
    long target = jdbc.sql("SELECT min(id) FROM target").query(Long.class).single();
    mvc.perform(get("/campaigns/new").with(as("coordinator")))
        .andExpect(
            content()
                .string(containsString("value=\"2\" aria-describedby=\"followUpInterval-error\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"WEEKS\" selected=\"selected\">weeks</option>")));
    mvc.perform(
            post("/campaigns")
                .with(as("coordinator"))
                .with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .param("title", "Durations by number and unit")
                .param("demands", "SANCTIONS")
                .param("followUpInterval.amount", "two")
                .param("followUpInterval.unit", "WEEKS")
                .param("maxFollowUps", "2")
                .param("sanctionCheckInterval.amount", "1")
                .param("sanctionCheckInterval.unit", "MONTHS")
                .param("targetIds", String.valueOf(target)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"followUpInterval-error\"")))
        .andExpect(
            content()
                .string(
                    containsString("value=\"two\" aria-describedby=\"followUpInterval-error\"")));
    String location =
        mvc.perform(
                post("/campaigns")
                    .with(as("coordinator"))
                    .with(csrf())
                    .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                    .param("title", "Durations by number and unit")
                    .param("demands", "SANCTIONS")
                    .param("followUpInterval.amount", "2")
                    .param("followUpInterval.unit", "WEEKS")
                    .param("maxFollowUps", "2")
                    .param("sanctionCheckInterval.amount", "1")
                    .param("sanctionCheckInterval.unit", "MONTHS")
                    .param("draftWithin.amount", "36")
                    .param("draftWithin.unit", "HOURS")
                    .param("targetIds", String.valueOf(target)))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    var saved = campaigns.get(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    org.assertj.core.api.Assertions.assertThat(saved.followUpInterval()).isEqualTo("P14D");
    org.assertj.core.api.Assertions.assertThat(saved.sanctionCheckInterval()).isEqualTo("P1M");
    org.assertj.core.api.Assertions.assertThat(saved.draftWithin()).isEqualTo("PT36H");
  }

  @Test
  void everyoneSetsTheirOwnMailAndDigestChoiceAndAdminsCanToo() throws Exception {
    mvc.perform(
            post("/profile")
                .with(as("manager"))
                .with(csrf())
                .param("email", "not-an-address")
                .param("notifications", "DIGEST"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"email-error\">is not an e-mail address")))
        .andExpect(content().string(containsString("value=\"not-an-address\"")));
    mvc.perform(
            post("/profile")
                .with(as("manager"))
                .with(csrf())
                .param("email", "mira@example.org")
                .param("notifications", "DIGEST"))
        .andExpect(status().isFound());
    org.assertj.core.api.Assertions.assertThat(users.find("manager").orElseThrow())
        .satisfies(
            u ->
                org.assertj.core.api.Assertions.assertThat(u.email()).isEqualTo("mira@example.org"))
        .satisfies(
            u ->
                org.assertj.core.api.Assertions.assertThat(u.notifications())
                    .isEqualTo(org.bucn.tracker.user.Notify.DIGEST));
    mvc.perform(
            post("/admin/users/manager")
                .with(as("admin"))
                .with(csrf())
                .param("roles", "MANAGER")
                .param("enabled", "true")
                .param("email", "manager@example.org")
                .param("notifications", "IMMEDIATE"))
        .andExpect(status().isFound());
    org.assertj.core.api.Assertions.assertThat(users.find("manager").orElseThrow().notifications())
        .isEqualTo(org.bucn.tracker.user.Notify.IMMEDIATE);
    mvc.perform(
            post("/admin/users/admin")
                .with(as("admin"))
                .with(csrf())
                .param("roles", "MANAGER")
                .param("enabled", "true"))
        .andExpect(flash().attribute("flashError", containsString("no active admin")));
    org.assertj.core.api.Assertions.assertThat(users.find("admin").orElseThrow().roles())
        .contains(org.bucn.tracker.user.Role.ADMIN);
  }

  @Test
  void aCoordinatorAddsAnOfficeFromTheFormAndSeesEveryWrongFieldMarked() throws Exception {
    mvc.perform(
            post("/targets")
                .with(as("coordinator"))
                .with(csrf())
                .param("countryCode", "yu")
                .param("country", "Yugoslavia")
                .param("office", " ")
                .param("channel", "LETTER")
                .param("language", "sr"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"countryCode-error\"")))
        .andExpect(content().string(containsString("id=\"office-error\">must not be blank")))
        .andExpect(content().string(containsString("value=\"Yugoslavia\"")));
    // Only a hand-made request can send a channel the select does not offer: marked, nothing saved.
    mvc.perform(
            post("/targets")
                .with(as("coordinator"))
                .with(csrf())
                .param("countryCode", "ME")
                .param("country", "Montenegro")
                .param("office", "Pigeon post")
                .param("channel", "PIGEON")
                .param("language", "sr"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"channel-error\">is not a valid value")));
    long montenegro =
        jdbc.sql("SELECT id FROM target WHERE country_code = 'ME' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(
            post("/targets/{id}", montenegro)
                .with(as("coordinator"))
                .with(csrf())
                .param("countryCode", "ME")
                .param("country", "Montenegro")
                .param("office", "Pigeon post")
                .param("channel", "PIGEON")
                .param("language", "sr"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"channel-error\">is not a valid value")));
    mvc.perform(
            post("/targets")
                .with(as("coordinator"))
                .with(csrf())
                .param("countryCode", " me ")
                .param("country", "Montenegro")
                .param("office", "Speaker of the Parliament (form test)")
                .param("channel", "LETTER")
                .param("language", "SR"))
        .andExpect(status().isFound())
        .andExpect(
            flash().attribute("flash", containsString("Speaker of the Parliament (form test)")));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql(
                    "SELECT country_code || '/' || language FROM target WHERE office = 'Speaker of the Parliament (form test)'")
                .query(String.class)
                .single())
        .isEqualTo("ME/sr");
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM target WHERE office IN ('Pigeon post', '')")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anAdminCreatingAUserSeesTheWrongFieldsMarkedAndNobodyCreated() throws Exception {
    mvc.perform(
            post("/admin/users")
                .with(as("admin"))
                .with(csrf())
                .param("username", "Mira K")
                .param("password", "é".repeat(40))
                .param("email", "mira@localhost"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("id=\"username-error\">may use lower-case letters")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "id=\"password-error\">must have at least 8 characters and at most 72 bytes")))
        .andExpect(content().string(containsString("id=\"email-error\">is not an e-mail address")))
        .andExpect(
            content().string(containsString("id=\"roles-error\">give the user at least one role")))
        .andExpect(content().string(containsString("value=\"Mira K\"")));
    org.assertj.core.api.Assertions.assertThat(users.find("Mira K")).isEmpty();
    mvc.perform(
            post("/admin/users")
                .with(as("admin"))
                .with(csrf())
                .param("username", "mira")
                .param("password", "long enough")
                .param("roles", "KING"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"roles-error\">is not a valid value")));
    org.assertj.core.api.Assertions.assertThat(users.find("mira")).isEmpty();
    mvc.perform(
            post("/admin/users/advocate/password")
                .with(as("admin"))
                .with(csrf())
                .param("password", "short"))
        .andExpect(
            flash()
                .attribute(
                    "flashError", containsString("password must have at least 8 characters")));
  }

  @Test
  void theSubmissionFormOffersTheChannelsWithTheTargetsUsualOnePicked() throws Exception {
    drill.draftAndApprove(appeal);
    String submit = drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id();
    mvc.perform(get("/tasks/{id}", submit).with(as("advocate")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<select id=\"channel\" name=\"channel\"")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<option value=\"EMAIL\" selected=\"selected\">email</option>.*")));
  }

  @Test
  void aTaskFormKeepsTheInputAndNamesTheFieldWhenSomethingIsWrong() throws Exception {
    mvc.perform(post("/tasks/{id}/claim", draftTask).with(as("advocate")).with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(
            post("/tasks/{id}/complete", draftTask)
                .with(as("advocate"))
                .with(csrf())
                .param("text", "Kept text")
                .param("language", "albanian"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"language-error\"")))
        .andExpect(content().string(containsString("Kept text")));
    org.assertj.core.api.Assertions.assertThat(drill.openTask(appeal, TaskKey.DRAFT_APPEAL))
        .isPresent();
    mvc.perform(
            post("/tasks/{id}/complete", draftTask)
                .with(as("advocate"))
                .with(csrf())
                .param("text", "Final text")
                .param("language", "sq"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("flash", containsString("Done")));
    org.assertj.core.api.Assertions.assertThat(drill.openTask(appeal, TaskKey.REVIEW_APPEAL))
        .isPresent();
  }
}
