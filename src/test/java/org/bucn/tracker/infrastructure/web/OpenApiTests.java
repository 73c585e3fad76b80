package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document holds every {@code /api} operation, with its roles and problem answers. */
@TrackerTest
class OpenApiTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiMappingIsInTheDocumentWithItsRolesAndProblems() throws Exception {
    JsonNode paths = document().path("paths");
    List<String> missing = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.startsWith("/api/docs")) {
                  continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                  JsonNode operation =
                      paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
                  if (operation.isMissingNode()) {
                    missing.add(method + " " + pattern);
                    continue;
                  }
                  boolean answers =
                      operation.path("responses").properties().stream()
                          .anyMatch(r -> r.getKey().startsWith("2"));
                  if (!operation.path("description").asText().startsWith("Roles: ")
                      || !answers
                      || !operation.path("responses").has("401")
                      || !operation.path("responses").has("403")
                      || pattern.contains("{") && !operation.path("responses").has("404")) {
                    incomplete.add(method + " " + pattern);
                  }
                }
              }
            });
    assertThat(missing).as("API operations missing from /v3/api-docs").isEmpty();
    assertThat(incomplete)
        .as("operations without roles, an answer or their problem responses")
        .isEmpty();
  }

  @Test
  void theRolesInTheDocumentAreTheSecurityRules() throws Exception {
    JsonNode paths = document().path("paths");
    assertThat(paths.path("/api/tasks/{id}/assign").path("post").path("description").asText())
        .startsWith("Roles: COORDINATOR.");
    assertThat(paths.path("/api/admin/users").path("get").path("description").asText())
        .startsWith("Roles: ADMIN.");
    assertThat(paths.path("/api/me").path("get").path("description").asText())
        .startsWith("Roles: anyone logged in.");
    assertThat(paths.path("/api/dashboard").path("get").path("description").asText())
        .startsWith("Roles: COORDINATOR, MANAGER, ADMIN.");
  }

  @Test
  void theDocumentAndSwaggerUiAreForLoggedInPeople(
      @Autowired org.bucn.tracker.user.ApiTokens tokens) throws Exception {
    // The document is the API's contract: client generators fetch it as any API resource, never
    // sent to a login page.
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .contentTypeCompatibleWith(
                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/v3/api-docs").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk());
    mvc.perform(
            get("/v3/api-docs")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("manager", "demo")))
        .andExpect(status().isOk());
    String token =
        tokens
            .create("manager", "client generator", java.time.OffsetDateTime.now().plusDays(1))
            .token();
    mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(get("/webjars/swagger-ui/index.html"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                "**/login"));
    mvc.perform(get("/api/docs"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                "**/login"));
    mvc.perform(get("/api/docs").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/api/swagger-ui/index.html"));
  }

  /** The check every API test runs is not a formality: an answer off the document fails it. */
  @Test
  void anAnswerThatStraysFromTheDocumentIsCaught(
      @Autowired org.springframework.web.context.WebApplicationContext context) throws Exception {
    var validator = org.bucn.tracker.ApiContract.validator(context);
    var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get("/api/me").build();
    var right =
        com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
            .withContentType("application/json")
            .withBody(
                "{\"username\":\"ana\",\"displayName\":null,\"email\":null,\"roles\":[\"ADVOCATE\"]}")
            .build();
    assertThat(validator.validate(request, right).hasErrors()).isFalse();
    var stray =
        com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
            .withContentType("application/json")
            .withBody("{\"username\":\"ana\",\"roles\":[\"OWNER\"],\"password\":\"x\"}")
            .build();
    assertThat(validator.validate(request, stray).getMessages())
        .extracting(m -> m.getMessage())
        .anyMatch(m -> m.contains("OWNER"))
        .anyMatch(m -> m.contains("password"));
  }

  private JsonNode document() throws Exception {
    return json.readTree(
        mvc.perform(get("/v3/api-docs").with(user("admin").roles("ADMIN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
