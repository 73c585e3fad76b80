package org.bucn.tracker.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.util.Set;
import org.bucn.tracker.TrackerTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Personal API tokens as a script uses them: made once, used as the person, refused once expired,
 * revoked or disabled.
 */
@TrackerTest
class ApiTokenTests {

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired ApiTokens tokens;

  String username;

  @BeforeEach
  void aPerson() {
    username = "script" + System.nanoTime() % 1_000_000_000;
    users.create(
        new UserService.NewUser(
            username, "a long enough password", null, "Script Owner", Set.of(Role.COORDINATOR)));
  }

  @Test
  void aTokenActsAsItsOwnerIsShownOnceAndKeptOnlyAsAHash() throws Exception {
    String token = create("nightly export", null);
    assertThat(token).startsWith("sct_").hasSizeGreaterThan(40);

    mvc.perform(bearer(get("/api/me"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username));
    // A write without a CSRF token: the header is no browser's to forge.
    mvc.perform(
            bearer(post("/api/campaigns"), token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest());

    mvc.perform(get("/api/me/tokens").with(httpBasic(username, "a long enough password")))
        .andExpect(jsonPath("$[0].name").value("nightly export"))
        .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
        .andExpect(jsonPath("$[0].token").doesNotExist())
        .andExpect(
            jsonPath("$[0].expiresAt")
                .value(
                    Matchers.startsWith(
                        OffsetDateTime.now().plusDays(90).toLocalDate().toString())));
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ?")
                .param(ApiTokens.hash(token))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash LIKE ? OR name LIKE ?")
                .params("%" + token.substring(4, 20) + "%", "%" + token.substring(4, 20) + "%")
                .query(Long.class)
                .single())
        .as("the token itself is stored nowhere")
        .isZero();
  }

  @Test
  void aTokenCarriesTheRolesHeldNowAndStopsAtOnceWhenItsOwnerIsDisabled() throws Exception {
    String token = create("roles", null);
    mvc.perform(bearer(get("/api/tasks?scope=all"), token)).andExpect(status().isOk());
    users.update(
        username, new UserService.UserChange(null, null, null, Set.of(Role.MANAGER), null));
    mvc.perform(bearer(get("/api/tasks?scope=all"), token)).andExpect(status().isForbidden());
    users.update(username, new UserService.UserChange(null, null, false, null, null));
    mvc.perform(bearer(get("/api/me"), token))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.containsString("invalid_token")))
        .andExpect(jsonPath("$.detail").value("The API token is unknown, expired or revoked"));
  }

  /**
   * A token dies with the password it was made under and with a disabled account, and the log never
   * holds one whole.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      org.springframework.boot.test.system.OutputCaptureExtension.class)
  void aTokenDiesWithAPasswordChangeOrResetOrADisabledAccountAndIsNeverLoggedWhole(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    String own =
        tokens
            .create(username, "before my new password", OffsetDateTime.now().plusDays(30))
            .token();
    users.changeOwnPassword(username, "a long enough password", "another long password");
    mvc.perform(bearer(get("/api/me"), own)).andExpect(status().isUnauthorized());
    assertThat(output.getAll())
        .as("a refused token is logged by its first characters only")
        .contains(own.substring(0, 8) + "…")
        .doesNotContain(own.substring(8, 20));

    String reset =
        tokens.create(username, "before the reset", OffsetDateTime.now().plusDays(30)).token();
    users.update(
        username, new UserService.UserChange(null, null, null, null, "reset by the admin"));
    mvc.perform(bearer(get("/api/me"), reset)).andExpect(status().isUnauthorized());

    String disabled =
        tokens.create(username, "before I was disabled", OffsetDateTime.now().plusDays(30)).token();
    users.update(username, new UserService.UserChange(null, null, false, null, null));
    users.update(username, new UserService.UserChange(null, null, true, null, null));
    // Enabled again, the old token stays dead.
    mvc.perform(bearer(get("/api/me"), disabled)).andExpect(status().isUnauthorized());
  }

  @Test
  void anExpiredOrRevokedTokenIsRefusedAndAnAdminMayRevokeAnyone() throws Exception {
    String expiring = create("expiring", OffsetDateTime.now().plusDays(1).toString());
    jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?")
        .param(ApiTokens.hash(expiring))
        .update();
    mvc.perform(bearer(get("/api/me"), expiring)).andExpect(status().isUnauthorized());

    String mine = create("mine", null);
    long id =
        jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
            .param(ApiTokens.hash(mine))
            .query(Long.class)
            .single();
    mvc.perform(delete("/api/me/tokens/" + id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(bearer(get("/api/me"), mine)).andExpect(status().isOk());
    mvc.perform(delete("/api/me/tokens/" + id).with(httpBasic(username, "a long enough password")))
        .andExpect(status().isNoContent());
    mvc.perform(bearer(get("/api/me"), mine)).andExpect(status().isUnauthorized());

    String other = create("other", null);
    long otherId =
        jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
            .param(ApiTokens.hash(other))
            .query(Long.class)
            .single();
    mvc.perform(get("/api/admin/tokens").with(httpBasic("admin", "demo")))
        .andExpect(
            jsonPath("$[?(@.id == " + otherId + ")].username").value(Matchers.hasItem(username)));
    mvc.perform(delete("/api/admin/tokens/" + otherId).with(httpBasic("admin", "demo")))
        .andExpect(status().isNoContent());
    mvc.perform(bearer(get("/api/me"), other)).andExpect(status().isUnauthorized());
    mvc.perform(bearer(get("/api/me"), "sct_made-up")).andExpect(status().isUnauthorized());
  }

  @Test
  void badRequestsNameTheFieldAndATokenCannotMakeTokens() throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single();
    tokenRequest(
            "{\"name\": \"too long\", \"expiresAt\": \""
                + OffsetDateTime.now().plusDays(400)
                + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    tokenRequest(
            "{\"name\": \"past\", \"expiresAt\": \"" + OffsetDateTime.now().minusDays(1) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    tokenRequest("{\"name\": \"garbled\", \"expiresAt\": \"next tuesday\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    tokenRequest("{\"name\": \" \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single())
        .isEqualTo(before);

    String token = create("first", null);
    mvc.perform(
            bearer(post("/api/me/tokens"), token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"second\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theProfilePageMakesATokenShowsItOnceAndRevokesIt() throws Exception {
    var made =
        mvc.perform(
                post("/profile/tokens")
                    .param("name", "spreadsheet sync")
                    .param("expiresOn", java.time.LocalDate.now().plusDays(30).toString())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(username)
                            .roles("COORDINATOR"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    ApiTokens.NewToken shown = (ApiTokens.NewToken) made.getFlashMap().get("newToken");
    assertThat(shown.token()).startsWith("sct_");
    mvc.perform(bearer(get("/api/me"), shown.token())).andExpect(status().isOk());
    String page =
        mvc.perform(
                get("/profile")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(username)
                            .roles("COORDINATOR")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("spreadsheet sync").doesNotContain(shown.token());

    mvc.perform(
            post("/profile/tokens/" + shown.id() + "/revoke")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(username)
                        .roles("COORDINATOR"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(bearer(get("/api/me"), shown.token())).andExpect(status().isUnauthorized());
  }

  private String create(String name, String expiresAt) throws Exception {
    String body =
        tokenRequest(
                "{\"name\": \""
                    + name
                    + "\""
                    + (expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"")
                    + "}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").isNumber())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.token");
  }

  private org.springframework.test.web.servlet.ResultActions tokenRequest(String json)
      throws Exception {
    return mvc.perform(
        post("/api/me/tokens")
            .with(httpBasic(username, "a long enough password"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static MockHttpServletRequestBuilder bearer(
      MockHttpServletRequestBuilder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }
}
