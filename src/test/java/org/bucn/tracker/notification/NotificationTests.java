package org.bucn.tracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.COORDINATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.bucn.tracker.user.Notify;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Mails as people receive them, through a real SMTP server (GreenMail), outages included. */
@TrackerTest
class NotificationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  @Autowired CampaignDrill drill;
  @Autowired TaskAssignments assignments;
  @Autowired UserService users;
  @Autowired DailyDigests digests;
  @Autowired TrackerClock clock;
  @Autowired OutboxSender sender;
  @Autowired MailOutbox outbox;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void assigningATaskMailsTheAssigneeALinkThatOpensTheTask() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    String task = drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).id();
    assignments.assign(task, "advocate2", COORDINATOR);

    MimeMessage mail = awaitMail("advocate2@example.org", task);
    assertThat(mail.getSubject())
        .as("who handed it over, by name")
        .startsWith(
            "[Tracker] Dana Coordinator gave you Draft the appeal - President of the Republic, Albania");
    assertThat(GreenMailUtil.getBody(mail))
        .startsWith("Hello Marko Advocate,")
        .contains("http://localhost:8080/tasks/" + task);
    mvc.perform(get("/tasks/" + task).with(user("advocate2").roles("ADVOCATE")))
        .andExpect(status().isOk());
  }

  /**
   * The review loop is heard: coordinators when a draft waits for review, the advocate when it
   * comes back, with the reviewer's words, never as "gave you Draft the appeal".
   */
  @Test
  void aDraftWaitingForReviewAndTheChangesAskedForAreBothHeard() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "MK");
    long appeal = drill.appeal(campaign, "MK");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        org.bucn.tracker.CampaignDrill.ADVOCATE,
        java.util.Map.of("text", "Your Excellency, …", "language", "en"));
    org.bucn.tracker.appeal.worklist.TaskItem reviewTask =
        drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL);
    String review = reviewTask.id();
    String office = reviewTask.office() + ", " + reviewTask.country();
    MimeMessage waiting = awaitMail("coordinator@example.org", review);
    assertThat(waiting.getSubject())
        .startsWith("[Tracker] A draft waits for your review: " + office);

    drill.complete(
        appeal,
        TaskKey.REVIEW_APPEAL,
        COORDINATOR,
        java.util.Map.of(
            "decision", "REQUEST_CHANGES", "comment", "Name the date of the sham referendum"));
    String redraft = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    MimeMessage back = awaitMail("advocate@example.org", redraft);
    assertThat(back.getSubject())
        .contains("Dana Coordinator asked for changes to your draft: " + office)
        .contains("“Name the date of the sham referendum”")
        .doesNotContain("gave you");

    // The same two lines wait in the tracker itself, unread, each opening its task.
    assertThat(notice("coordinator", "/tasks/" + review).path("line").asText())
        .startsWith("A draft waits for your review: " + office);
    JsonNode changes = notice("advocate", "/tasks/" + redraft);
    assertThat(changes.path("line").asText())
        .contains("Dana Coordinator asked for changes to your draft: " + office)
        .contains("“Name the date of the sham referendum”");
    assertThat(changes.path("read").asBoolean()).isFalse();
  }

  /**
   * The bell: every notice is listed in the tracker whatever the person chose for mail (a person
   * without a mail address included), counted until read; opening one marks it read and goes to its
   * page; another person's notice is not found and stays unread.
   */
  @Test
  void theBellCountsWhatWasToldUntilItIsOpened() throws Exception {
    String mira = "mira" + System.nanoTime();
    users.create(
        new UserService.NewUser(
            mira, "kyiv belgrade tirana 2026", null, "Mira Advocate", Set.of(Role.ADVOCATE)));
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "ME");
    String task = drill.awaitTask(drill.appeal(campaign, "ME"), TaskKey.DRAFT_APPEAL).id();
    assignments.assign(task, mira, COORDINATOR);

    JsonNode told = notice(mira, "/tasks/" + task);
    assertThat(told.path("line").asText()).startsWith("Dana Coordinator gave you Draft the appeal");
    assertThat(notices(mira).path("unread").asInt()).isEqualTo(1);
    mvc.perform(get("/notices/bell").with(user(mira).roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("Notices: 1 unread")));
    mvc.perform(get("/notices").with(user(mira).roles("ADVOCATE")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("gave you Draft the appeal")));

    long id = told.path("id").asLong();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/me/notices/{id}/read", id)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("advocate2", "demo")))
        .andExpect(status().isNotFound());
    assertThat(notices(mira).path("unread").asInt()).as("not someone else's to read").isEqualTo(1);

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/notices/{id}/open", id)
                .with(user(mira).roles("ADVOCATE"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/tasks/" + task));
    assertThat(notices(mira).path("unread").asInt()).isZero();
    assertThat(notice(mira, "/tasks/" + task).path("read").asBoolean()).isTrue();
  }

  /** A notice is dated as the step that caused it, by the tracker's clock. */
  @Test
  void aNoticeIsDatedByTheTrackersClock() throws Exception {
    String vera = "vera" + System.nanoTime();
    users.create(
        new UserService.NewUser(
            vera, "kyiv belgrade tirana 2026", null, "Vera Advocate", Set.of(Role.ADVOCATE)));
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "GR");
    String task = drill.awaitTask(drill.appeal(campaign, "GR"), TaskKey.DRAFT_APPEAL).id();
    java.time.Instant then = java.time.Instant.now().minus(Duration.ofDays(20));
    try {
      clock.moveTo(then);
      assignments.assign(task, vera, COORDINATOR);
    } finally {
      clock.reset();
    }
    java.time.OffsetDateTime dated =
        java.time.OffsetDateTime.parse(notice(vera, "/tasks/" + task).path("createdAt").asText());
    assertThat(dated.toInstant())
        .isCloseTo(
            then, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
  }

  private JsonNode notices(String username) throws Exception {
    String body =
        mvc.perform(get("/api/me/notices").with(user(username).roles("ADVOCATE", "COORDINATOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
  }

  /** The person's notice that opens {@code path}, once the step that tells it has committed. */
  private JsonNode notice(String username, String path) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> {
              for (JsonNode notice : notices(username).path("notices")) {
                if (notice.path("path").asText().equals(path)) {
                  return notice;
                }
              }
              return null;
            },
            java.util.Objects::nonNull);
  }

  /** Whoever holds a task hears when a coordinator moves its due date, and to which day. */
  @Test
  void movingADueDateTellsWhoeverHoldsTheTask(
      @org.springframework.beans.factory.annotation.Autowired
          org.bucn.tracker.appeal.step.DueDates dueDates)
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    org.bucn.tracker.appeal.worklist.TaskItem task =
        drill.awaitTask(drill.appeal(campaign, "SI"), TaskKey.DRAFT_APPEAL);
    assignments.assign(task.id(), "advocate2", COORDINATOR);
    java.time.OffsetDateTime due =
        java.time.LocalDate.now().plusDays(40).atTime(12, 0).atOffset(java.time.ZoneOffset.UTC);
    dueDates.setDue(task.id(), due, COORDINATOR);

    MimeMessage mail = awaitMail("advocate2@example.org", "moved the due date");
    assertThat(mail.getSubject())
        .contains("Dana Coordinator moved the due date of Draft the appeal")
        .contains(task.office() + ", " + task.country())
        .endsWith(
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                .format(due));
  }

  @Test
  void eachPersonIsToldInTheirOwnLanguage() throws Exception {
    String olena = "olena" + System.nanoTime();
    users.create(
        new UserService.NewUser(
            olena,
            "kyiv belgrade tirana 2026",
            olena + "@example.org",
            "Олена Коваль",
            Set.of(Role.ADVOCATE)));
    users.updateSettings(olena, "uk", "Europe/Kyiv");
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    String task = drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).id();
    assignments.assign(task, olena, COORDINATOR);

    MimeMessage mail = awaitMail(olena + "@example.org", task);
    assertThat(mail.getSubject())
        .startsWith("[Трекер] Dana Coordinator доручив(ла) вам: Підготувати звернення")
        .as("the country as she reads it, not as the directory writes it")
        .contains(", Албанія (")
        .doesNotContain("Albania");
    assertThat(org.bucn.tracker.MailParts.text(mail))
        .contains("Вітаємо, Олена Коваль!")
        .contains("Відкрити: http://localhost:8080/tasks/" + task);
  }

  @Test
  void aFollowUpThatFallsDueIsMailedToTheAdvocateWhoCarriesTheAppeal() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "PT1S", 3, "P30D", "BG");
    long appeal = drill.appeal(campaign, "BG");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, LocalDate.now().toString());
    String followUp = drill.awaitTask(appeal, TaskKey.FOLLOW_UP).id();
    MimeMessage mail = awaitMail("advocate@example.org", followUp);
    assertThat(mail.getSubject()).contains("Follow-up due").contains("Bulgaria");
  }

  @Test
  void digestReadersGetOneMailADayAndCoordinatorsTheOverdueList() throws Exception {
    users.update(
        "advocate2", new UserService.UserChange(null, null, null, null, null, Notify.DIGEST));
    try {
      Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "PT1S", 3, "P30D", "HR", "ME");
      String task = drill.awaitTask(drill.appeal(campaign, "HR"), TaskKey.DRAFT_APPEAL).id();
      assignments.assign(task, "advocate2", COORDINATOR);
      long silent = drill.appeal(campaign, "ME");
      drill.draftAndApprove(silent);
      drill.submit(silent, LocalDate.now().toString());
      String followUp = drill.awaitTask(silent, TaskKey.FOLLOW_UP).id();
      Awaitility.await()
          .atMost(PATIENCE)
          .until(
              () ->
                  jdbc.sql("SELECT count(*) FROM work_item WHERE task_id = ? AND due_at < now()")
                          .param(followUp)
                          .query(Long.class)
                          .single()
                      == 1);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM pending_notification WHERE username = 'advocate2' AND link LIKE ?")
                  .param("%" + task)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);

      // Tomorrow morning: nobody has run tomorrow's digests yet.
      clock.move(Duration.ofDays(1));
      digests.daily();
      assertThat(digests.run(LocalDate.now(clock)))
          .as("a second node, or a second run, does nothing")
          .isFalse();

      MimeMessage digest = awaitMail("advocate2@example.org", task);
      assertThat(digest.getSubject()).isEqualTo("[Tracker] Your daily digest");
      MimeMessage overdue = awaitMail("coordinator@example.org", followUp);
      assertThat(overdue.getSubject()).endsWith("overdue tasks");
      assertThat((String) overdue.getContent())
          .as("steps and people by name")
          .contains("- Follow up: President, Montenegro, due ")
          .contains(", with Ana Advocate");
      assertThat(mailsTo("advocate2@example.org", task))
          .as("no immediate mail for a digest reader")
          .hasSize(1);
    } finally {
      clock.reset();
      users.update(
          "advocate2", new UserService.UserChange(null, null, null, null, null, Notify.IMMEDIATE));
    }
  }

  @Test
  void whileTheMailServerIsDownTasksStillCompleteAndTheMailGoesOutOnceItIsBack() throws Exception {
    smtp.stop();
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "GR");
    long appeal = drill.appeal(campaign, "GR");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    assignments.assign(task, "advocate2", COORDINATOR);
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE2,
        java.util.Map.of("text", "Draft", "language", "el"));
    assertThat(drill.openTask(appeal, TaskKey.REVIEW_APPEAL))
        .as("the step went through")
        .isPresent();
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM mail_outbox WHERE body LIKE ? AND sent_at IS NULL AND attempts >= 1")
                        .param("%" + task + "%")
                        .query(Long.class)
                        .single()
                    == 1);

    smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
    awaitMail("advocate2@example.org", task);
    Awaitility.await("no duplicate within a few polls")
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo("advocate2@example.org", task).size() == 1);
  }

  @Test
  void twoSendersAtOnceDeliverEachMailExactlyOnce() throws Exception {
    String marker = "batch-" + System.nanoTime();
    transaction.executeWithoutResult(
        s -> {
          for (int i = 0; i < 60; i++) {
            outbox.enqueue("bulk@example.org", "Mail " + i + " " + marker, "Body " + marker);
          }
        });
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      runs.add(
          nodes.submit(
              () -> {
                while (sender.sendOne()) {
                  Thread.onSpinWait();
                }
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    nodes.shutdown();
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> mailsTo("bulk@example.org", marker).size() >= 60);
    Awaitility.await("no duplicate")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(() -> mailsTo("bulk@example.org", marker).size() == 60);
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : mailsTo("bulk@example.org", marker)) {
      subjects.add(m.getSubject());
    }
    assertThat(subjects).hasSize(60).doesNotHaveDuplicates();
  }

  @Test
  void aMailTakenByANodeThatDiedIsSentOnceItsLeaseRunsOutAndNotBefore() throws Exception {
    String marker = "lease-" + System.nanoTime();
    transaction.executeWithoutResult(
        s -> outbox.enqueue("lease@example.org", "Lease " + marker, "Body " + marker));
    long id =
        jdbc.sql("SELECT id FROM mail_outbox WHERE subject = ?")
            .param("Lease " + marker)
            .query(Long.class)
            .single();
    // What a node leaves when it dies while talking to the SMTP server: the mail claimed, not
    // marked sent.
    jdbc.sql(
            "UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")
        .params(OutboxSender.LEASE.toSeconds(), id)
        .update();
    Awaitility.await("the lease holds")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo("lease@example.org", marker).isEmpty());

    jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ?")
        .param(id)
        .update(); // the lease ran out
    awaitMail("lease@example.org", marker);
    Awaitility.await("no second copy")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> mailsTo("lease@example.org", marker).size() == 1);
    assertThat(
            jdbc.sql("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private MimeMessage awaitMail(String recipient, String mustContain) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> mailsTo(recipient, mustContain), list -> !list.isEmpty())
        .get(0);
  }

  private List<MimeMessage> mailsTo(String recipient, String mustContain) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      boolean to =
          Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
      // The decoded text: in the raw body a quoted-printable line may break inside the id.
      if (to
          && (org.bucn.tracker.MailParts.text(m).contains(mustContain)
              || m.getSubject().contains(mustContain))) {
        found.add(m);
      }
    }
    return found;
  }
}
