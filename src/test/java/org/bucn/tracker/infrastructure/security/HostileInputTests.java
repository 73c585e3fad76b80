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
 * A corpus of hostile text sent into every text field of every form and API body that stores text:
 * never a 5xx; what is refused stores nothing; what is accepted is stored exactly as sent
 * (trimmed), never evaluated as an expression, a template or SQL.
 */
@TrackerTest
class HostileInputTests {

  static final List<String> CORPUS =
      List.of(
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
  @Autowired org.camunda.bpm.engine.ManagementService management;

  private final AtomicInteger serial = new AtomicInteger();

  /**
   * One place text goes in: how to send it with the other fields valid, and where an accepted value
   * of a field ends up ({@code table.column}, with the row counted before and after).
   */
  record Form(
      String name,
      HttpMethod method,
      String path,
      boolean api,
      Supplier<Map<String, String>> valid,
      Map<String, String> storedIn,
      String table) {}

  @Test
  void noTextIsA5xxNorEvaluatedNorHalfStored() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long target =
        jdbc.sql("SELECT id FROM target WHERE country_code = 'SI' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    List<Form> forms =
        List.of(
            new Form(
                "API target",
                HttpMethod.POST,
                "/api/targets",
                true,
                () ->
                    Map.of(
                        "countryCode",
                        "SI",
                        "country",
                        "Slovenia",
                        "office",
                        "Fuzz office " + serial.incrementAndGet(),
                        "channel",
                        "EMAIL",
                        "language",
                        "sl"),
                Map.of(
                    "country",
                    "target.country",
                    "office",
                    "target.office",
                    "holderName",
                    "target.holder_name",
                    "contact",
                    "target.contact",
                    "countryCode",
                    "target.country_code",
                    "language",
                    "target.language"),
                "target"),
            new Form(
                "page target",
                HttpMethod.POST,
                "/targets",
                false,
                () ->
                    Map.of(
                        "countryCode",
                        "SI",
                        "country",
                        "Slovenia",
                        "office",
                        "Fuzz office " + serial.incrementAndGet(),
                        "channel",
                        "EMAIL",
                        "language",
                        "sl"),
                Map.of(
                    "country",
                    "target.country",
                    "office",
                    "target.office",
                    "holderName",
                    "target.holder_name",
                    "contact",
                    "target.contact"),
                "target"),
            new Form(
                "API campaign",
                HttpMethod.POST,
                "/api/campaigns",
                true,
                () ->
                    Map.of(
                        "title",
                        "Fuzz " + serial.incrementAndGet(),
                        "followUpInterval",
                        "P14D",
                        "sanctionCheckInterval",
                        "P30D"),
                Map.of(
                    "title",
                    "campaign.title",
                    "summary",
                    "campaign.summary",
                    "followUpInterval",
                    "campaign.follow_up_interval"),
                "campaign"),
            new Form(
                "API letter",
                HttpMethod.PUT,
                "/api/campaigns/" + campaign.id() + "/letters/sl",
                true,
                () ->
                    Map.of(
                        "subject",
                        "Fuzz",
                        "body",
                        "Dear {{holderName}} " + serial.incrementAndGet()),
                Map.of("subject", "campaign_letter.subject", "body", "campaign_letter.body"),
                null),
            new Form(
                "page letter",
                HttpMethod.POST,
                "/campaigns/" + campaign.id() + "/letters",
                false,
                () ->
                    Map.of(
                        "language",
                        "hr",
                        "subject",
                        "Fuzz",
                        "body",
                        "Dear {{holderName}} " + serial.incrementAndGet()),
                Map.of("subject", "campaign_letter.subject", "body", "campaign_letter.body"),
                null),
            new Form(
                "API user",
                HttpMethod.POST,
                "/api/admin/users",
                true,
                () ->
                    Map.of(
                        "username",
                        "fuzz" + serial.incrementAndGet(),
                        "password",
                        "a fuzzed long phrase"),
                Map.of(
                    "displayName",
                    "app_user.display_name",
                    "email",
                    "app_user.email",
                    "username",
                    "app_user.username",
                    "password",
                    "app_user.password_hash"),
                "app_user"),
            new Form(
                "page user",
                HttpMethod.POST,
                "/admin/users",
                false,
                () ->
                    Map.of(
                        "username",
                        "fuzz" + serial.incrementAndGet(),
                        "password",
                        "a fuzzed long phrase",
                        "roles",
                        "MANAGER"),
                Map.of("displayName", "app_user.display_name", "email", "app_user.email"),
                "app_user"),
            new Form(
                "page profile",
                HttpMethod.POST,
                "/profile",
                false,
                () -> Map.of("notifications", "DIGEST"),
                Map.of("email", "app_user.email"),
                null));

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
          String what =
              form.name() + " " + field + "=" + shown(hostile) + ": " + response.getStatus();
          boolean refused =
              response.getStatus() >= 400
                  || (!form.api()
                      && response.getStatus() == 200) // the form came back, its fields marked
                  || result.getFlashMap().containsKey("flashError");
          if (response.getStatus() >= 500) {
            faults.add(what + " (server error)");
          } else if (refused) {
            if (form.table() != null && count(form.table()) != before) {
              faults.add(what + " (refused, yet a row was stored)");
            }
            String page = response.getContentAsString();
            if (hostile.contains("7*7")
                && response.getStatus() == 200
                && !page.isEmpty()
                && !field.equals("password")
                && !page.contains(HtmlUtils.htmlEscape(hostile))) {
              faults.add(what + " (the form did not show the text back as sent: evaluated?)");
            }
          } else if (!field.equals("password")
              && !stored(form.storedIn().get(field), hostile.trim())) {
            faults.add(what + " (accepted, but not stored as sent)");
          }
        }
      }
    }
    System.out.println(
        "Hostile input: "
            + CORPUS.size()
            + " values, "
            + sent
            + " requests, "
            + faults.size()
            + " faults");
    assertThat(faults).isEmpty();
    assertThat(count("appeal")).as("no table dropped, no appeal lost").isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM campaign_letter WHERE body LIKE '%49%' OR subject LIKE '%49%'")
                .query(Long.class)
                .single())
        .as("no template was evaluated into a stored letter")
        .isZero();
    assertThat(target).isPositive();
    drill.awaitTask(drill.appeal(campaign, "SI"), TaskKey.DRAFT_APPEAL);
  }

  /**
   * Every address that takes files, sent a file whose name is each hostile text (and a path, a
   * right-to-left override), and the evidence form's description as each: never a 5xx, and a name
   * or description that cannot be stored is refused naming its field, storing nothing.
   */
  @Test
  void noUploadIsA5xxWhateverItsFileNameOrFields() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    byte[] pdf =
        "%PDF-1.4\n% hostile upload\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] png =
        java.util.Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    List<String> names = new ArrayList<>(CORPUS);
    names.addAll(List.of("../../etc/passwd", "\u202Egnp.exe", "", " "));
    record Upload(
        String name,
        String path,
        String part,
        byte[] bytes,
        String user,
        String role,
        Map<String, String> fields) {}
    List<Upload> uploads =
        List.of(
            new Upload(
                "API evidence",
                "/api/appeals/" + appeal + "/evidence",
                "file",
                pdf,
                "coordinator",
                "COORDINATOR",
                Map.of("kind", "OTHER")),
            new Upload(
                "page evidence",
                "/appeals/" + appeal + "/evidence",
                "file",
                pdf,
                "coordinator",
                "COORDINATOR",
                Map.of("kind", "OTHER")),
            new Upload(
                "API CFSP import",
                "/api/cfsp/import",
                "file",
                "reference,date,title\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "coordinator",
                "COORDINATOR",
                Map.of()),
            new Upload(
                "API logo",
                "/api/admin/organisation/logo",
                "logo",
                png,
                "admin",
                "ADMIN",
                Map.of()),
            new Upload(
                "page logo", "/admin/organisation/logo", "logo", png, "admin", "ADMIN", Map.of()));
    List<String> faults = new ArrayList<>();
    int sent = 0;
    for (Upload upload : uploads) {
      for (String name : names) {
        var request =
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                    upload.path().startsWith("/api/admin/organisation")
                        ? HttpMethod.PUT
                        : HttpMethod.POST,
                    java.net.URI.create(upload.path()))
                .file(
                    new org.springframework.mock.web.MockMultipartFile(
                        upload.part(), name, "application/octet-stream", upload.bytes()))
                .with(user(upload.user()).roles(upload.role()))
                .with(csrf());
        upload.fields().forEach(request::param);
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        sent++;
        if (status >= 500) {
          faults.add(upload.name() + " file name " + shown(name) + ": " + status);
        }
      }
    }
    for (String hostile : CORPUS) {
      long before = count("evidence");
      var request =
          org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                  "/api/appeals/" + appeal + "/evidence")
              .file(
                  new org.springframework.mock.web.MockMultipartFile(
                      "file", "scan.pdf", "application/pdf", pdf))
              .param("kind", "OTHER")
              .param("description", hostile)
              .with(user("coordinator").roles("COORDINATOR"))
              .with(csrf());
      int status = mvc.perform(request).andReturn().getResponse().getStatus();
      sent++;
      if (status >= 500 || status >= 400 && count("evidence") != before) {
        faults.add("API evidence description=" + shown(hostile) + ": " + status);
      }
    }
    System.out.println("Hostile uploads: " + sent + " requests, " + faults.size() + " faults");
    assertThat(faults).isEmpty();
  }

  static final List<String> COUNTRIES =
      List.of("AL", "BA", "BG", "HR", "GR", "XK", "ME", "MK", "RO", "RS", "SI");

  /**
   * The text fields of the task forms, each sent at the step that takes it: draft text, review
   * comment, submission reference, follow-up note, response summary, escalation note, sanction
   * measure and reference. A step that took the text moves the appeal on; the next value then goes
   * to an appeal brought to that step again (or a fresh one, for steps an appeal takes once).
   */
  @Test
  void noTaskTextIsA5xxNorEvaluatedNorHalfStored() throws Exception {
    String today = java.time.LocalDate.now().toString();
    Set<Demand> all = Set.of(Demand.values());
    java.util.Deque<Long> fresh = new java.util.ArrayDeque<>();
    for (int i = 0; i < 2; i++) {
      Campaign pool = drill.launch(all, "PT1S", 20, "PT1S", COUNTRIES.toArray(String[]::new));
      COUNTRIES.forEach(code -> fresh.add(drill.appeal(pool, code)));
    }
    long drafting = fresh.pop();
    long reviewing = fresh.pop();
    long followingUp = fresh.pop();
    drill.draftAndApprove(followingUp);
    drill.submit(followingUp, today);
    long sanctioned = fresh.pop();
    drill.draftAndApprove(sanctioned);
    drill.submit(sanctioned, today);
    drill.respond(sanctioned, "CONDEMNED", today);
    long escalated = drill.appeal(drill.launch(all, "PT1S", 1, "PT1S", "SI"), "SI");
    drill.draftAndApprove(escalated);
    drill.submit(escalated, today);
    drill.complete(
        escalated,
        TaskKey.FOLLOW_UP,
        CampaignDrill.COORDINATOR,
        Map.of("doneAt", today, "channel", "EMAIL"));
    long[] submitting = {0};
    long[] responding = {0};

    List<String> faults = new ArrayList<>();
    int sent = 0;
    sent +=
        step(
            "draft text",
            () -> drill.awaitTask(drafting, TaskKey.DRAFT_APPEAL).id(),
            h -> Map.of("text", h, "language", "sl"),
            "appeal_draft.text",
            () ->
                drill.complete(
                    drafting,
                    TaskKey.REVIEW_APPEAL,
                    CampaignDrill.COORDINATOR,
                    Map.of("decision", "REQUEST_CHANGES", "comment", "again")),
            faults);
    sent +=
        step(
            "review comment",
            () -> {
              if (drill.openTask(reviewing, TaskKey.REVIEW_APPEAL).isEmpty()) {
                drill.complete(
                    reviewing,
                    TaskKey.DRAFT_APPEAL,
                    CampaignDrill.COORDINATOR,
                    Map.of("text", "Draft", "language", "hr"));
              }
              return drill.awaitTask(reviewing, TaskKey.REVIEW_APPEAL).id();
            },
            h -> Map.of("decision", "REQUEST_CHANGES", "comment", h),
            "appeal_review.comment",
            () -> {},
            faults);
    sent +=
        step(
            "submission reference",
            () -> {
              if (submitting[0] == 0
                  || drill.openTask(submitting[0], TaskKey.SUBMIT_APPEAL).isEmpty()) {
                submitting[0] = fresh.pop();
                drill.draftAndApprove(submitting[0]);
              }
              return drill.awaitTask(submitting[0], TaskKey.SUBMIT_APPEAL).id();
            },
            h -> Map.of("submittedAt", today, "channel", "LETTER", "reference", h),
            "appeal_submission.reference",
            () -> {},
            faults);
    sent +=
        step(
            "follow-up note",
            () -> soon(followingUp, TaskKey.FOLLOW_UP),
            h -> Map.of("doneAt", today, "channel", "EMAIL", "note", h),
            "appeal_follow_up.note",
            () -> {},
            faults);
    sent +=
        step(
            "response summary",
            () -> {
              if (responding[0] == 0
                  || drill.openTask(responding[0], TaskKey.RECORD_RESPONSE).isEmpty()) {
                responding[0] = fresh.pop();
                drill.draftAndApprove(responding[0]);
                drill.submit(responding[0], today);
              }
              return drill.awaitTask(responding[0], TaskKey.RECORD_RESPONSE).id();
            },
            h -> Map.of("receivedAt", today, "kind", "ACKNOWLEDGED", "summary", h),
            "appeal_response.summary",
            () -> {},
            faults);
    sent +=
        step(
            "escalation note",
            () -> {
              if (drill.openTask(escalated, TaskKey.ESCALATE_NO_RESPONSE).isEmpty()) {
                soon(escalated, TaskKey.FOLLOW_UP);
                drill.complete(
                    escalated,
                    TaskKey.FOLLOW_UP,
                    CampaignDrill.COORDINATOR,
                    Map.of("doneAt", today, "channel", "EMAIL"));
              }
              return drill.awaitTask(escalated, TaskKey.ESCALATE_NO_RESPONSE).id();
            },
            h -> Map.of("decision", "EXTEND", "note", h),
            "appeal_escalation.note",
            () -> {},
            faults);
    sent +=
        step(
            "sanction measure",
            () -> soon(sanctioned, TaskKey.TRACK_SANCTION),
            h -> Map.of("status", "PENDING", "measure", h),
            "sanction_outcome.measure",
            () -> {},
            faults);
    sent +=
        step(
            "sanction reference",
            () -> soon(sanctioned, TaskKey.TRACK_SANCTION),
            h -> Map.of("status", "PENDING", "reference", h),
            "sanction_outcome.reference",
            () -> {},
            faults);
    System.out.println(
        "Hostile input at the task steps: "
            + CORPUS.size()
            + " values, "
            + sent
            + " requests, "
            + faults.size()
            + " faults");
    assertThat(faults).isEmpty();
  }

  /**
   * The task once the appeal's timer (a follow-up, a sanction re-check) has fired: fired now, not
   * waited for.
   */
  private String soon(long appealId, TaskKey key) {
    if (drill.openTask(appealId, key).isEmpty()) {
      for (var timer :
          management
              .createJobQuery()
              .processInstanceId(drill.process(appealId).getId())
              .timers()
              .list()) {
        try {
          management.executeJob(timer.getId());
        } catch (org.camunda.bpm.engine.ProcessEngineException takenByTheJobExecutor) {
          // The job executor ran it a moment earlier: the task comes all the same.
        }
      }
    }
    return drill.awaitTask(appealId, key).id();
  }

  /** Sends every value of the corpus into one field of one step's completion. */
  private int step(
      String name,
      Supplier<String> openTask,
      java.util.function.Function<String, Map<String, String>> body,
      String storedIn,
      Runnable afterAccepted,
      List<String> faults)
      throws Exception {
    String table = storedIn.substring(0, storedIn.indexOf('.'));
    for (String hostile : CORPUS) {
      String task = openTask.get();
      long before = count(table);
      MockHttpServletResponse response =
          mvc.perform(
                  MockMvcRequestBuilders.post("/api/tasks/{id}/complete", task)
                      .with(httpBasic("coordinator", "demo"))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          json.writer()
                              .with(
                                  com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                              .writeValueAsString(body.apply(hostile))))
              .andReturn()
              .getResponse();
      String what = name + "=" + shown(hostile) + ": " + response.getStatus();
      if (response.getStatus() >= 500) {
        faults.add(what + " (server error)");
      } else if (response.getStatus() >= 400) {
        if (count(table) != before) {
          faults.add(what + " (refused, yet a row was stored)");
        }
      } else if (!stored(storedIn, hostile)) {
        faults.add(what + " (accepted, but not stored as sent)");
      } else {
        afterAccepted.run();
      }
    }
    return CORPUS.size();
  }

  private MockHttpServletRequestBuilder request(Form form, Map<String, String> fields)
      throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(form.method(), form.path());
    if (form.api()) {
      Map<String, Object> body = new LinkedHashMap<>(fields);
      if (form.path().equals("/api/campaigns")) {
        body.put("demands", List.of("CONDEMNATION"));
        body.put("maxFollowUps", 3);
        body.put(
            "targetIds",
            List.of(jdbc.sql("SELECT min(id) FROM target").query(Long.class).single()));
      }
      if (form.path().equals("/api/admin/users")) {
        body.put("roles", List.of("MANAGER"));
      }
      return request
          .with(httpBasic(form.path().startsWith("/api/admin") ? "admin" : "coordinator", "demo"))
          // Escaped as a client must: a lone surrogate cannot travel as UTF-8 bytes, only as
          // "\ud800".
          .contentType(MediaType.APPLICATION_JSON)
          .content(
              json.writer()
                  .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                  .writeValueAsString(body));
    }
    fields.forEach(request::param);
    String who =
        form.path().startsWith("/admin")
            ? "admin"
            : form.path().equals("/profile") ? "advocate2" : "coordinator";
    String role =
        who.equals("admin") ? "ADMIN" : who.equals("advocate2") ? "ADVOCATE" : "COORDINATOR";
    return request.with(user(who).roles(role)).with(csrf());
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  /**
   * Whether a row holds exactly this text (a text UTF-8 cannot carry, the driver would have
   * changed).
   */
  private boolean stored(String column, String value) {
    if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
      return false;
    }
    String[] tableAndColumn = column.split("\\.");
    return jdbc.sql(
                "SELECT count(*) FROM "
                    + tableAndColumn[0]
                    + " WHERE "
                    + tableAndColumn[1]
                    + " = ?")
            .param(value)
            .query(Long.class)
            .single()
        > 0;
  }

  private static String shown(String value) {
    StringBuilder escaped = new StringBuilder();
    value
        .chars()
        .forEach(
            c ->
                escaped.append(
                    c < 0x20 || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return escaped.length() > 40
        ? escaped.substring(0, 40) + "… (" + value.length() + " chars)"
        : escaped.toString();
  }
}
