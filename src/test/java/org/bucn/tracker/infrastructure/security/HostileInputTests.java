package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

/**
 * A corpus of hostile text sent into every text field of every form and API body that stores
 * text: never a 5xx; what is refused stores nothing; what is accepted is stored exactly as sent
 * (trimmed), never evaluated as an expression, a template or SQL.
 */
@TrackerTest
class HostileInputTests {

  static final List<String> CORPUS = List.of(
      "a\u0000b",
      "a\uD800b",
      "b\uDC00",
      "line one\r\nX-Injected: 1",
      "x".repeat(100_000),
      "${7*7}",
      "#{7*7}",
      "*{T(java.lang.Runtime).getRuntime().exec('id')}",
      "__${7*7}__::x",
      "{{7*7}}",
      "<script>alert(1)</script><img src=x onerror=alert(2)>",
      "'; DROP TABLE appeal; --",
      "Robert'); SELECT pg_sleep(5); --");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired CampaignDrill drill;
  @Autowired ObjectMapper json;

  private final AtomicInteger serial = new AtomicInteger();

  /**
   * One place text goes in: how to send it with the other fields valid, and where an accepted
   * value of a field ends up ({@code table.column}, with the row counted before and after).
   */
  record Form(String name, HttpMethod method, String path, boolean api, Supplier<Map<String, String>> valid,
      Map<String, String> storedIn, String table) {}

  @Test
  void noTextIsA5xxNorEvaluatedNorHalfStored() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long target = jdbc.sql("SELECT id FROM target WHERE country_code = 'SI' ORDER BY id LIMIT 1").query(Long.class).single();
    List<Form> forms = List.of(
        new Form("API target", HttpMethod.POST, "/api/targets", true,
            () -> Map.of("countryCode", "SI", "country", "Slovenia", "office", "Fuzz office " + serial.incrementAndGet(),
                "channel", "EMAIL", "language", "sl"),
            Map.of("country", "target.country", "office", "target.office", "holderName", "target.holder_name",
                "contact", "target.contact", "countryCode", "target.country_code", "language", "target.language"), "target"),
        new Form("page target", HttpMethod.POST, "/targets", false,
            () -> Map.of("countryCode", "SI", "country", "Slovenia", "office", "Fuzz office " + serial.incrementAndGet(),
                "channel", "EMAIL", "language", "sl"),
            Map.of("country", "target.country", "office", "target.office", "holderName", "target.holder_name",
                "contact", "target.contact"), "target"),
        new Form("API campaign", HttpMethod.POST, "/api/campaigns", true,
            () -> Map.of("title", "Fuzz " + serial.incrementAndGet(), "followUpInterval", "P14D", "sanctionCheckInterval", "P30D"),
            Map.of("title", "campaign.title", "summary", "campaign.summary", "followUpInterval", "campaign.follow_up_interval"),
            "campaign"),
        new Form("API letter", HttpMethod.PUT, "/api/campaigns/" + campaign.id() + "/letters/sl", true,
            () -> Map.of("subject", "Fuzz", "body", "Dear {{holderName}} " + serial.incrementAndGet()),
            Map.of("subject", "campaign_letter.subject", "body", "campaign_letter.body"), null),
        new Form("page letter", HttpMethod.POST, "/campaigns/" + campaign.id() + "/letters", false,
            () -> Map.of("language", "hr", "subject", "Fuzz", "body", "Dear {{holderName}} " + serial.incrementAndGet()),
            Map.of("subject", "campaign_letter.subject", "body", "campaign_letter.body"), null),
        new Form("API user", HttpMethod.POST, "/api/admin/users", true,
            () -> Map.of("username", "fuzz" + serial.incrementAndGet(), "password", "a fuzzed long phrase"),
            Map.of("displayName", "app_user.display_name", "email", "app_user.email", "username", "app_user.username",
                "password", "app_user.password_hash"), "app_user"),
        new Form("page user", HttpMethod.POST, "/admin/users", false,
            () -> Map.of("username", "fuzz" + serial.incrementAndGet(), "password", "a fuzzed long phrase", "roles", "MANAGER"),
            Map.of("displayName", "app_user.display_name", "email", "app_user.email"), "app_user"),
        new Form("page profile", HttpMethod.POST, "/profile", false,
            () -> Map.of("notifications", "DIGEST"), Map.of("email", "app_user.email"), null));

    List<String> faults = new ArrayList<>();
    int sent = 0;
    for (Form form : forms) {
      for (String field : form.storedIn().keySet()) {
        for (String hostile : CORPUS) {
          Map<String, String> fields = new LinkedHashMap<>(form.valid().get());
          fields.put(field, hostile);
          long before = form.table() == null ? 0 : count(form.table());
          var result = mvc.perform(request(form, fields)).andReturn();
          MockHttpServletResponse response = result.getResponse();
          sent++;
          String what = form.name() + " " + field + "=" + shown(hostile) + ": " + response.getStatus();
          boolean refused = response.getStatus() >= 400
              || (!form.api() && response.getStatus() == 200) // the form came back, its fields marked
              || result.getFlashMap().containsKey("flashError");
          if (response.getStatus() >= 500) {
            faults.add(what + " (server error)");
          } else if (refused) {
            if (form.table() != null && count(form.table()) != before) {
              faults.add(what + " (refused, yet a row was stored)");
            }
            String page = response.getContentAsString();
            if (hostile.contains("7*7") && response.getStatus() == 200 && !page.isEmpty() && !field.equals("password")
                && !page.contains(HtmlUtils.htmlEscape(hostile))) {
              faults.add(what + " (the form did not show the text back as sent: evaluated?)");
            }
          } else if (!field.equals("password") && !stored(form.storedIn().get(field), hostile.trim())) {
            faults.add(what + " (accepted, but not stored as sent)");
          }
        }
      }
    }
    System.out.println("Hostile input: " + CORPUS.size() + " values, " + sent + " requests, " + faults.size() + " faults");
    assertThat(faults).isEmpty();
    assertThat(count("appeal")).as("no table dropped, no appeal lost").isPositive();
    assertThat(jdbc.sql("SELECT count(*) FROM campaign_letter WHERE body LIKE '%49%' OR subject LIKE '%49%'").query(Long.class).single())
        .as("no template was evaluated into a stored letter").isZero();
    assertThat(target).isPositive();
    drill.awaitTask(drill.appeal(campaign, "SI"), TaskKey.DRAFT_APPEAL);
  }

  private MockHttpServletRequestBuilder request(Form form, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(form.method(), form.path());
    if (form.api()) {
      Map<String, Object> body = new LinkedHashMap<>(fields);
      if (form.path().equals("/api/campaigns")) {
        body.put("demands", List.of("CONDEMNATION"));
        body.put("maxFollowUps", 3);
        body.put("targetIds", List.of(jdbc.sql("SELECT min(id) FROM target").query(Long.class).single()));
      }
      if (form.path().equals("/api/admin/users")) {
        body.put("roles", List.of("MANAGER"));
      }
      return request.with(httpBasic(form.path().startsWith("/api/admin") ? "admin" : "coordinator", "demo"))
          // Escaped as a client must: a lone surrogate cannot travel as UTF-8 bytes, only as "\ud800".
          .contentType(MediaType.APPLICATION_JSON)
          .content(json.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(body));
    }
    fields.forEach(request::param);
    String who = form.path().startsWith("/admin") ? "admin" : form.path().equals("/profile") ? "advocate2" : "coordinator";
    String role = who.equals("admin") ? "ADMIN" : who.equals("advocate2") ? "ADVOCATE" : "COORDINATOR";
    return request.with(user(who).roles(role)).with(csrf());
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  /** Whether a row holds exactly this text (a text UTF-8 cannot carry, the driver would have changed). */
  private boolean stored(String column, String value) {
    if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
      return false;
    }
    String[] tableAndColumn = column.split("\\.");
    return jdbc.sql("SELECT count(*) FROM " + tableAndColumn[0] + " WHERE " + tableAndColumn[1] + " = ?")
        .param(value).query(Long.class).single() > 0;
  }

  private static String shown(String value) {
    StringBuilder escaped = new StringBuilder();
    value.chars().forEach(c -> escaped.append(c < 0x20 || Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return escaped.length() > 40 ? escaped.substring(0, 40) + "… (" + value.length() + " chars)" : escaped.toString();
  }
}
