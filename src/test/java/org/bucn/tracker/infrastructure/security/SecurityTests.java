package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@TrackerTest
@org.springframework.test.context.event.RecordApplicationEvents
class SecurityTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired org.bucn.tracker.user.UserService users;
  @Autowired org.bucn.tracker.shared.TrackerClock clock;

  @Autowired
  org.springframework.security.authentication.dao.DaoAuthenticationProvider passwordLogin;

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @ParameterizedTest
  @CsvSource({
    "coordinator,COORDINATOR",
    "advocate,ADVOCATE",
    "advocate2,ADVOCATE",
    "manager,MANAGER",
    "admin,ADMIN"
  })
  void meNamesEachDemoUsersRole(String username, String role) throws Exception {
    mvc.perform(get("/api/me").with(httpBasic(username, "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.roles[0]").value(role));
  }

  @Test
  void apiWithoutOrWithWrongCredentialsIs401ProblemNotARedirect() throws Exception {
    mvc.perform(get("/api/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"tracker\""));
    mvc.perform(get("/api/me").with(httpBasic("coordinator", "wrong")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/me").with(httpBasic("nobody", "demo")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void browsersGetNoBasicChallengeSoTheyNeverKeepCredentials() throws Exception {
    mvc.perform(
            get("/api/me").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"));
  }

  @Test
  void aCrossSiteWriteIsRefusedWhateverCredentialsItCarries() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    String close = "/api/campaigns/" + campaign.id() + "/close";
    // What a browser sends for another site's auto-submitting form, with Basic credentials it
    // keeps.
    mvc.perform(
            post(close)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "http://127.0.0.1:9999"))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail").value("A page of another site may not change anything here"));
    // An older browser without Sec-Fetch-* still names the page's origin.
    mvc.perform(
            post("/api/tasks/no-such-task/claim")
                .with(httpBasic("coordinator", "demo"))
                .header("Origin", "http://evil.example"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(close)
                .with(httpBasic("coordinator", "demo"))
                .header("Sec-Fetch-Site", "same-site"))
        .andExpect(status().isForbidden());
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.ACTIVE);
    // A script (no Origin, no Sec-Fetch-*) and the tracker's own pages still may.
    mvc.perform(
            post(close)
                .with(httpBasic("coordinator", "demo"))
                .header("Origin", "http://localhost")
                .header("Sec-Fetch-Site", "same-origin"))
        .andExpect(status().isOk());
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.CLOSED);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhateverTheSpellingOfThePath() throws Exception {
    byte[] big = new byte[(int) (1024 * 1024 + 1)];
    java.util.Arrays.fill(big, (byte) 'x');
    for (String path : java.util.List.of("/api/campaigns", "/%61pi/campaigns", "/campaigns")) {
      mvc.perform(
              post(path)
                  .with(httpBasic("coordinator", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(big))
          .andExpect(status().isPayloadTooLarge());
    }
  }

  @Test
  void inputsThatOnceGave500AreA4xxAndChangeNothing() throws Exception {
    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"countryCode\":\"RS\",\"country\":\"Serbia\",\"office\":\"Nul\\u0000office\",\"channel\":\"EMAIL\",\"language\":\"sr\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("office"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("must not contain the NUL character")));
    mvc.perform(
            post("/targets")
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("countryCode", "RS")
                .param("country", "Serbia")
                .param("office", "Nul\u0000office")
                .param("channel", "EMAIL")
                .param("language", "sr"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("office"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM target WHERE office LIKE 'Nul%'")
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(head("/api/dashboard").with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/error").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/campaigns").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());

    // A blank role among the ticked ones is no role, not a 500.
    String someone = "blankrole" + System.nanoTime() % 1_000_000;
    users.createIfAbsent(
        new org.bucn.tracker.user.UserService.NewUser(
            someone, "a long enough password", null, null, Set.of(Role.ADVOCATE)));
    mvc.perform(
            post("/admin/users/" + someone)
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("roles", "")
                .param("roles", "MANAGER")
                .param("enabled", "true"))
        .andExpect(status().isFound());
    assertThat(users.find(someone).orElseThrow().roles()).containsExactly(Role.MANAGER);

    // A task list address or a saved view longer than the 500 characters kept: the list still
    // shows, the view is refused by name.
    String longAssignee = "a".repeat(600);
    mvc.perform(
            get("/tasks")
                .param("tab", "all")
                .param("assignee", longAssignee)
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk());
    mvc.perform(
            post("/tasks/views")
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("name", "too long")
                .param("query", "tab=all&assignee=" + longAssignee))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute(
                    "flashError", org.hamcrest.Matchers.startsWith("View not saved: query")));

    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    String draft = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    for (String back :
        java.util.List.of("/{id}", "/\r\nX:1", "//evil.example/tasks", "https://evil.example")) {
      mvc.perform(
              post("/tasks/{id}/assign", draft)
                  .with(user("coordinator").roles("COORDINATOR"))
                  .with(csrf())
                  .param("assignee", "advocate")
                  .param("back", back))
          .andExpect(status().isFound())
          .andExpect(redirectedUrl("/tasks"));
    }
    mvc.perform(
            post("/tasks/{id}/assign", draft)
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("assignee", "advocate")
                .param("back", "/tasks?tab=all&campaignId=" + campaign.id()))
        .andExpect(redirectedUrl("/tasks?tab=all&campaignId=" + campaign.id()));
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        java.util.Map.of("text", "Draft", "language", "hr"));
    String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();
    mvc.perform(post("/api/tasks/{id}/unclaim", review).with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
  }

  /** Requests from one address of their own, so that these failures do not throttle other tests. */
  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
      String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void passwordGuessingIsThrottledPerAccountAndTheRealUserWaitsAtMostAMinute() throws Exception {
    users.createIfAbsent(
        new org.bucn.tracker.user.UserService.NewUser(
            "guessed", "right password", null, null, Set.of(Role.MANAGER)));
    try {
      for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
        mvc.perform(get("/api/me").with(httpBasic("guessed", "guess " + i)).with(from("10.0.0.1")))
            .andExpect(status().isUnauthorized());
      }
      // Now even the right password waits, from any address, and the password is not checked.
      String wait =
          mvc.perform(
                  get("/api/me")
                      .with(httpBasic("guessed", "right password"))
                      .with(from("10.0.0.2")))
              .andExpect(status().isTooManyRequests())
              .andExpect(header().exists("Retry-After"))
              .andExpect(
                  jsonPath("$.detail")
                      .value(org.hamcrest.Matchers.startsWith("Too many failed logins")))
              .andReturn()
              .getResponse()
              .getHeader("Retry-After");
      assertThat(Long.parseLong(wait)).isBetween(1L, 60L);
      mvc.perform(
              post("/login")
                  .param("username", "guessed")
                  .param("password", "right password")
                  .with(csrf())
                  .with(from("10.0.0.2")))
          .andExpect(status().isTooManyRequests());
      clock.move(java.time.Duration.ofSeconds(Long.parseLong(wait)));
      mvc.perform(
              get("/api/me").with(httpBasic("guessed", "right password")).with(from("10.0.0.2")))
          .andExpect(status().isOk());

      // Guessing on: the wait doubles, but never beyond a minute.
      long longest = 0;
      for (int i = 0; i < 24; i++) {
        var result =
            mvc.perform(
                    get("/api/me").with(httpBasic("guessed", "again " + i)).with(from("10.0.0.1")))
                .andReturn();
        if (result.getResponse().getStatus() == 429) {
          long seconds = Long.parseLong(result.getResponse().getHeader("Retry-After"));
          longest = Math.max(longest, seconds);
          clock.move(java.time.Duration.ofSeconds(seconds));
        }
      }
      assertThat(longest).isEqualTo(LoginThrottle.ACCOUNT_MAX_WAIT.toSeconds());
    } finally {
      clock.reset();
    }
  }

  /**
   * Spring reads {@code Basic} followed by any one character; a locked account stays locked in
   * every spelling.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"Basic ", "Basic\t", "BasicX", "basic ", "BASIC\t"})
  void aLockedAccountStaysLockedWhateverTheSpellingOfBasic(String scheme) throws Exception {
    String username = "spelled" + Math.abs(scheme.hashCode());
    users.createIfAbsent(
        new org.bucn.tracker.user.UserService.NewUser(
            username, "right password", null, null, Set.of(Role.MANAGER)));
    String address = "10.0.1." + (Math.abs(scheme.hashCode()) % 200);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      mvc.perform(
              get("/api/me")
                  .header("Authorization", scheme + basic(username, "guess " + i))
                  .with(from(address)))
          .andExpect(status().isUnauthorized());
    }
    for (String spelling : java.util.List.of("Basic ", "Basic\t", "BasicX", "bAsIc:")) {
      mvc.perform(
              get("/api/me")
                  .header("Authorization", spelling + basic(username, "right password"))
                  .with(from(address)))
          .andExpect(status().isTooManyRequests());
    }
  }

  /**
   * A refused API token is one try of its address, not two (the parent manager's "no provider"
   * event is not a second try).
   */
  @Test
  void aRefusedTokenCountsOnceTowardTheAddressLock() throws Exception {
    String address = "10.0.2.1";
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES / 2; i++) {
      mvc.perform(
              get("/api/me").header("Authorization", "Bearer sct_made-up-" + i).with(from(address)))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/me").with(httpBasic("manager", "demo")).with(from(address)))
        .andExpect(status().isOk());
    for (int i = LoginThrottle.ADDRESS_FAILURES / 2; i < LoginThrottle.ADDRESS_FAILURES; i++) {
      mvc.perform(
              get("/api/me").header("Authorization", "Bearer sct_made-up-" + i).with(from(address)))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/me").with(httpBasic("manager", "demo")).with(from(address)))
        .andExpect(status().isTooManyRequests());
  }

  private static String basic(String username, String password) {
    return java.util.Base64.getEncoder()
        .encodeToString(
            (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aDisabledAccountsPasswordIsCheckedLikeAnyOtherSoItsAnswerIsNoFaster(
      @Autowired org.springframework.test.context.event.ApplicationEvents events) throws Exception {
    users.createIfAbsent(
        new org.bucn.tracker.user.UserService.NewUser(
            "gone", "right password", null, null, Set.of(Role.MANAGER)));
    users.update(
        "gone", new org.bucn.tracker.user.UserService.UserChange(null, null, false, null, null));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                passwordLogin.authenticate(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .unauthenticated("gone", "wrong")))
        .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                passwordLogin.authenticate(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .unauthenticated("gone", "right password")))
        .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
    // The filter chains log in through that provider: over Basic too, the wrong password is what
    // fails.
    mvc.perform(get("/api/me").with(httpBasic("gone", "wrong")).with(from("10.0.0.5")))
        .andExpect(status().isUnauthorized());
    assertThat(
            events.stream(
                    org.springframework.security.authentication.event
                        .AbstractAuthenticationFailureEvent.class)
                .filter(e -> "gone".equals(e.getAuthentication().getName())))
        .singleElement()
        .isInstanceOf(
            org.springframework.security.authentication.event
                .AuthenticationFailureBadCredentialsEvent.class);
  }

  @Test
  void oneAddressTryingManyAccountsIsThrottled() throws Exception {
    try {
      for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
        mvc.perform(get("/api/me").with(httpBasic("nobody" + i, "guess")).with(from("10.0.0.9")))
            .andExpect(status().isUnauthorized());
      }
      mvc.perform(get("/api/me").with(httpBasic("coordinator", "demo")).with(from("10.0.0.9")))
          .andExpect(status().isTooManyRequests());
      mvc.perform(get("/api/me").with(httpBasic("coordinator", "demo")).with(from("10.0.0.10")))
          .andExpect(status().isOk());
      clock.move(LoginThrottle.ADDRESS_WAIT);
      mvc.perform(get("/api/me").with(httpBasic("coordinator", "demo")).with(from("10.0.0.9")))
          .andExpect(status().isOk());
    } finally {
      clock.reset();
    }
  }

  @Test
  void adminApiIsForAdminsOnly() throws Exception {
    mvc.perform(get("/api/admin/users").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/admin/users").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.username == 'advocate2')].roles[0]").value("ADVOCATE"));
  }

  @Test
  void webPagesSendStrangersToTheLoginPage() throws Exception {
    mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(
            header()
                .string("Permissions-Policy", org.hamcrest.Matchers.containsString("camera=()")))
        .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"));
    mvc.perform(get("/api/me"))
        .andExpect(
            header()
                .string(
                    "Permissions-Policy", org.hamcrest.Matchers.containsString("geolocation=()")))
        .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"));
  }

  @Test
  void formLoginAndLogoutWork() throws Exception {
    mvc.perform(formLogin("/login").user("manager").password("demo"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername("manager").withRoles("MANAGER"));
    mvc.perform(formLogin("/login").user("manager").password("nope"))
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());
    mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
  }

  @Test
  void webPostWithoutCsrfTokenIs403() throws Exception {
    mvc.perform(post("/logout").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isForbidden());
    MockHttpSession session = login("coordinator");
    mvc.perform(
            post("/api/targets")
                .session(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theWebSessionAlsoWorksForTheApi() throws Exception {
    MockHttpSession session = login("advocate");
    mvc.perform(get("/api/me").session(session))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("advocate"));
  }

  @Test
  void healthIsPublicOtherActuatorEndpointsAreForAdmins() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/metrics").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void aRemovedRoleOrDisabledAccountTakesEffectOnTheNextRequest() throws Exception {
    mvc.perform(
            post("/api/admin/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                {"username":"temp.manager","password":"long-enough-1","email":"temp@example.org","roles":["MANAGER","ADMIN"]}
                """))
        .andExpect(status().isCreated());
    MockHttpSession session = login("temp.manager");
    mvc.perform(get("/actuator/metrics").session(session)).andExpect(status().isOk());

    mvc.perform(
            put("/api/admin/users/temp.manager")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"MANAGER\"]}"))
        .andExpect(status().isOk());
    mvc.perform(get("/actuator/metrics").session(session)).andExpect(status().isForbidden());
    mvc.perform(get("/api/me").session(session)).andExpect(jsonPath("$.roles[0]").value("MANAGER"));

    mvc.perform(
            put("/api/admin/users/temp.manager")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isOk());
    mvc.perform(get("/").session(session))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/api/me").with(httpBasic("temp.manager", "long-enough-1")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void adminUserInputIsValidatedByField() throws Exception {
    mvc.perform(
            post("/api/admin/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"Bad Name\",\"password\":\"short\",\"roles\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                org.hamcrest.Matchers.containsInAnyOrder("password", "roles", "username")));
    mvc.perform(
            post("/api/admin/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"x\",\"password\":\"long-enough-1\",\"roles\":[\"KING\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
  }

  /**
   * The security log says who logged in and out, who was refused what and why, and who changed
   * which user or token.
   */
  @Test
  void loginsLogoutsRefusalsAndChangesToUsersAndTokensAreInTheSecurityLog() throws Exception {
    ch.qos.logback.classic.Logger security =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("security");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
        new ch.qos.logback.core.read.ListAppender<>();
    captured.start();
    security.addAppender(captured);
    ch.qos.logback.classic.Level level = security.getLevel();
    security.setLevel(
        ch.qos.logback.classic.Level.INFO); // the tests log WARN and above; the application, INFO
    try {
      MockHttpSession session = login("advocate");
      mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
      mvc.perform(
              post("/api/campaigns")
                  .session(session)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{}"))
          .andExpect(status().isForbidden());
      mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().isFound());
      mvc.perform(
              post("/api/admin/users")
                  .with(httpBasic("admin", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"username\":\"logged.user\",\"password\":\"long-enough-1\",\"email\":\"logged@example.org\",\"roles\":[\"MANAGER\"]}"))
          .andExpect(status().isCreated());
      mvc.perform(
              put("/api/admin/users/logged.user")
                  .with(httpBasic("admin", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"roles\":[\"ADVOCATE\"], \"password\": \"another-long-one-2\"}"))
          .andExpect(status().isOk());
      String made =
          mvc.perform(
                  post("/api/me/tokens")
                      .with(httpBasic("logged.user", "another-long-one-2"))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"name\": \"export\"}"))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString();
      long tokenId = com.jayway.jsonpath.JsonPath.parse(made).read("$.id", Long.class);
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                      "/api/admin/tokens/{id}", tokenId)
                  .with(httpBasic("admin", "demo")))
          .andExpect(status().isNoContent());
    } finally {
      security.detachAppender(captured);
      security.setLevel(level);
    }
    assertThat(captured.list)
        .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).startsWith("login of advocate from"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("refused GET /admin/users for advocate from")
                    .endsWith("their roles do not allow it"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("refused POST /api/campaigns for advocate")
                    .endsWith("CSRF token missing or wrong"))
        .anySatisfy(m -> assertThat(m).startsWith("logout of advocate"))
        .anySatisfy(
            m -> assertThat(m).isEqualTo("user logged.user created by admin with roles [MANAGER]"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .isEqualTo("roles of logged.user changed by admin: [MANAGER] -> [ADVOCATE]"))
        .anySatisfy(m -> assertThat(m).isEqualTo("password of logged.user reset by admin"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("API token " + tokenIdOf(captured) + " (sct_")
                    .contains("\"export\" made for logged.user by logged.user"))
        .anySatisfy(
            m ->
                assertThat(m).startsWith("API token ").endsWith(" of logged.user revoked by admin"))
        .noneSatisfy(m -> assertThat(m).contains("another-long-one-2"));
  }

  private static String tokenIdOf(
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured) {
    return captured.list.stream()
        .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("made for logged.user"))
        .findFirst()
        .map(m -> m.split(" ")[2])
        .orElse("?");
  }

  /**
   * A session cookie the login page handed out proves no login: its anonymous POST to the API hears
   * 401, not a CSRF 403.
   */
  @Test
  void anAnonymousSessionsPostToTheApiIs401() throws Exception {
    MockHttpSession anonymous =
        (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession();
    mvc.perform(
            post("/api/campaigns")
                .session(anonymous)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnauthorized());
  }

  /** However busy, a page session ends twelve hours after its login (TRACKER_SESSION_LIFETIME). */
  @Test
  void aSessionEndsTwelveHoursAfterItsLogin() throws Exception {
    MockHttpSession session = login("manager");
    try {
      clock.move(java.time.Duration.ofHours(11));
      mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
      clock.move(java.time.Duration.ofHours(1).plusMinutes(1));
      mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
      mvc.perform(get("/").session(session))
          .andExpect(status().isFound())
          .andExpect(redirectedUrlPattern("**/login"));
    } finally {
      clock.reset();
    }
  }

  private MockHttpSession login(String username) throws Exception {
    return login(username, username.startsWith("temp") ? "long-enough-1" : "demo");
  }

  private MockHttpSession login(String username, String password) throws Exception {
    return (MockHttpSession)
        mvc.perform(formLogin("/login").user(username).password(password))
            .andExpect(authenticated())
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  @Test
  void commonAndPatternedPasswordsAreRefusedNamingTheField() throws Exception {
    for (String weak : java.util.List.of("password", "12345678", "aaaaaaaa", "P@ssw0rd!")) {
      mvc.perform(
              post("/api/admin/users")
                  .with(httpBasic("admin", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"username\":\"weak.one\",\"password\":\""
                          + weak
                          + "\",\"roles\":[\"MANAGER\"]}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("password"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(org.hamcrest.Matchers.startsWith("is too easy to guess")));
    }
    mvc.perform(
            post("/api/admin/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"weak.one\",\"password\":\""
                        + "é".repeat(40)
                        + "\",\"roles\":[\"MANAGER\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "must have at least 8 characters and at most 72 bytes")));
    assertThat(users.find("weak.one")).isEmpty();
  }

  @Test
  void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatMadeIt() throws Exception {
    users.createIfAbsent(
        new org.bucn.tracker.user.UserService.NewUser(
            "changer", "first long phrase", null, null, Set.of(Role.MANAGER)));
    MockHttpSession here = login("changer", "first long phrase");
    MockHttpSession elsewhere = login("changer", "first long phrase");
    mvc.perform(get("/profile").session(elsewhere)).andExpect(status().isOk());

    mvc.perform(
            post("/profile/password")
                .session(here)
                .with(csrf())
                .param("currentPassword", "not it")
                .param("newPassword", "second longer phrase"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "id=\"currentPassword-error\">is not your current password")));
    mvc.perform(
            post("/profile/password")
                .session(here)
                .with(csrf())
                .param("currentPassword", "first long phrase")
                .param("newPassword", "aaaaaaaa"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "id=\"newPassword-error\">is too easy to guess")));
    mvc.perform(
            post("/profile/password")
                .session(here)
                .with(csrf())
                .param("currentPassword", "first long phrase")
                .param("newPassword", "second longer phrase"))
        .andExpect(status().isFound());

    mvc.perform(get("/profile").session(here)).andExpect(status().isOk());
    mvc.perform(get("/profile").session(elsewhere))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("http://localhost/login"));
    mvc.perform(
            get("/api/me").with(httpBasic("changer", "first long phrase")).with(from("10.0.0.7")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me").with(httpBasic("changer", "second longer phrase")))
        .andExpect(status().isOk());

    // Over the API, and an admin's reset: the sessions opened before end too.
    MockHttpSession again = login("changer", "second longer phrase");
    mvc.perform(
            post("/api/me/password")
                .with(httpBasic("changer", "second longer phrase"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"currentPassword\":\"second longer phrase\",\"newPassword\":\"third and last phrase\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/profile").session(again)).andExpect(status().isFound());
    MockHttpSession last = login("changer", "third and last phrase");
    mvc.perform(
            post("/admin/users/changer/password")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("password", "reset by the admin"))
        .andExpect(status().isFound());
    mvc.perform(get("/profile").session(last)).andExpect(status().isFound());
  }

  @Test
  void csrfTokenedWebPostIsAccepted() throws Exception {
    MockHttpSession session = login("coordinator");
    mvc.perform(post("/logout").session(session).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
  }
}
