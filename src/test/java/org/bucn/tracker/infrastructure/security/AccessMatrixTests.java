package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every controller mapping of the tracker × {anonymous, the four roles} × the mapping's method (and
 * HEAD for every GET), against the committed table {@code security/access-matrix.tsv}: the
 * product's permission table (DESIGN's, as docs/api.md lists it). The mappings are found by
 * reflection, so a new endpoint without a row fails here, and so does every cell that does not
 * hold.
 */
@TrackerTest
class AccessMatrixTests {

  static final List<String> ROLES = List.of("COORDINATOR", "ADVOCATE", "MANAGER", "ADMIN");
  static final Map<String, String> USER_OF =
      Map.of(
          "COORDINATOR",
          "coordinator",
          "ADVOCATE",
          "advocate",
          "MANAGER",
          "manager",
          "ADMIN",
          "admin");

  /** Made-up path variables: allowed callers then hear 404 or 400, and nothing changes. */
  static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("{id}", "987654"),
          Map.entry("{campaignId}", "987654"),
          Map.entry("{language}", "en"),
          Map.entry("{username}", "nobody-in-the-matrix"),
          Map.entry("{jobId}", "no-such-job"),
          Map.entry("{code}", "ZZ"),
          Map.entry("{countryCode}", "ZZ"),
          Map.entry("{actId}", "987654"),
          Map.entry("{token}", "no-such-calendar-address"),
          Map.entry("{targetId}", "987654"),
          Map.entry("{signatoryId}", "987654"));

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Row(String method, String path, List<String> expected) {}

  /** "POST /api/…" of the API's writes that read no body: they are called without one. */
  private final Set<String> bodiless = new TreeSet<>();

  @Test
  void everyMappingAnswersEveryRoleAsThePermissionTableSays() throws Exception {
    Map<String, Row> table = table();
    Set<String> mapped = mapped();
    assertThat(mapped)
        .as("mappings without a row in security/access-matrix.tsv")
        .isSubsetOf(table.keySet());
    assertThat(table.keySet())
        .as("rows of security/access-matrix.tsv without a mapping")
        .isSubsetOf(mapped);

    List<String> mismatches = new ArrayList<>();
    int cells = 0;
    for (Row row : table.values()) {
      List<String> methods =
          row.method().equals("GET") ? List.of("GET", "HEAD") : List.of(row.method());
      for (String method : methods) {
        for (int i = 0; i <= ROLES.size(); i++) {
          String caller = i == 0 ? "anonymous" : ROLES.get(i - 1);
          String expected = row.expected().get(i);
          MockHttpServletResponse response =
              mvc.perform(request(method, row.path(), caller)).andReturn().getResponse();
          String actual = outcome(response);
          cells++;
          if (!actual.equals(expected)) {
            mismatches.add(
                method
                    + " "
                    + row.path()
                    + " as "
                    + caller
                    + ": expected "
                    + expected
                    + ", got "
                    + actual
                    + " ("
                    + response.getStatus()
                    + ")");
          }
        }
      }
    }
    System.out.println("Access matrix: " + cells + " cells, " + mismatches.size() + " mismatches");
    assertThat(mismatches).as("cells of the access matrix that do not hold").isEmpty();
  }

  private MockHttpServletRequestBuilder request(String method, String template, String caller) {
    String path = template;
    for (var variable : VARIABLES.entrySet()) {
      path = path.replace(variable.getKey(), variable.getValue());
    }
    MockHttpServletRequestBuilder request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
            HttpMethod.valueOf(method), path);
    boolean api = path.startsWith("/api/");
    if (api
        && !method.equals("GET")
        && !method.equals("HEAD")
        && !method.equals("DELETE")
        && !bodiless.contains(method + " " + template)) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (!api) {
      request.with(csrf());
    }
    if (!caller.equals("anonymous")) {
      request.with(
          api ? httpBasic(USER_OF.get(caller), "demo") : user(USER_OF.get(caller)).roles(caller));
    }
    return request;
  }

  /** What a caller heard, in the table's words. */
  static String outcome(MockHttpServletResponse response) {
    int status = response.getStatus();
    String location = response.getRedirectedUrl();
    if (status >= 500) {
      return "5xx";
    }
    if (status == 302 && location != null && location.endsWith("/login")) {
      return "login";
    }
    return status == 401 ? "401" : status == 403 ? "403" : "ok";
  }

  /** "METHOD path" of every handler method of the tracker's own controllers. */
  private Set<String> mapped() {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!handler.getBeanType().getPackageName().startsWith("org.bucn.tracker")) {
                return; // Spring Boot's error controller
              }
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                for (RequestMethod method :
                    methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  mapped.add(method.name() + " " + pattern);
                  if (java.util.Arrays.stream(handler.getMethodParameters())
                      .noneMatch(
                          p ->
                              p.hasParameterAnnotation(
                                  org.springframework.web.bind.annotation.RequestBody.class))) {
                    bodiless.add(method.name() + " " + pattern);
                  }
                }
              }
            });
    return mapped;
  }

  private static Map<String, Row> table() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    String text =
        new ClassPathResource("security/access-matrix.tsv")
            .getContentAsString(StandardCharsets.UTF_8);
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      assertThat(cells).as("a row of method, path and five outcomes: " + line).hasSize(7);
      rows.put(
          cells[0] + " " + cells[1], new Row(cells[0], cells[1], List.of(cells).subList(2, 7)));
    }
    return rows;
  }
}
