package org.bucn.tracker.notification;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, on one node only: each digest reader gets their waiting notifications in one mail,
 * and each coordinator gets the list of overdue tasks.
 */
@Component
class DailyDigests {

  record Pending(long id, String username, String line, String link) {}

  record Overdue(
      String taskId,
      String taskKey,
      String countryCode,
      String country,
      String office,
      String assignee,
      OffsetDateTime due) {}

  private final JdbcClient jdbc;
  private final UserService users;
  private final MailOutbox outbox;
  private final TransactionTemplate transaction;
  private final TrackerProperties properties;

  /** The coordinators' overdue digest lists the oldest this many; the task list has the rest. */
  static final int OVERDUE_LISTED = 200;

  private final Clock clock;
  private final Texts texts;
  private final Formats formats;

  DailyDigests(
      JdbcClient jdbc,
      UserService users,
      MailOutbox outbox,
      TransactionTemplate transaction,
      TrackerProperties properties,
      Clock clock,
      Texts texts,
      Formats formats) {
    this.texts = texts;
    this.formats = formats;
    this.clock = clock;
    this.jdbc = jdbc;
    this.users = users;
    this.outbox = outbox;
    this.transaction = transaction;
    this.properties = properties;
  }

  @Scheduled(cron = "${tracker.mail.digest-cron}")
  void daily() {
    run(LocalDate.now(clock));
  }

  /** Runs the digests for a day unless some node already did; true when this call ran them. */
  boolean run(LocalDate day) {
    Boolean ran =
        transaction.execute(
            status -> {
              int claimed =
                  jdbc.sql(
                          "INSERT INTO daily_job_run (job, day, node) VALUES ('digests', ?, ?) ON CONFLICT DO NOTHING")
                      .params(day, node())
                      .update();
              if (claimed == 0) {
                return false;
              }
              personalDigests();
              overdueDigest();
              return true;
            });
    return Boolean.TRUE.equals(ran);
  }

  private void personalDigests() {
    List<Pending> pending =
        jdbc.sql(
                "SELECT id, username, line, link FROM pending_notification ORDER BY username, id FOR UPDATE")
            .query(Pending.class)
            .list();
    pending.stream()
        .map(Pending::username)
        .distinct()
        .forEach(
            username ->
                users
                    .find(username)
                    .filter(u -> u.enabled() && u.email() != null)
                    .ifPresent(
                        user -> {
                          Locale language = Notices.languageOf(user);
                          StringBuilder body =
                              new StringBuilder(texts.in(language, "digest.intro")).append("\n\n");
                          pending.stream()
                              .filter(p -> p.username().equals(username))
                              .forEach(
                                  p ->
                                      body.append("- ")
                                          .append(p.line())
                                          .append("\n  ")
                                          .append(p.link())
                                          .append("\n"));
                          outbox.enqueue(
                              user.email(),
                              texts.in(language, "digest.subject"),
                              body.append("\n")
                                  .append(texts.in(language, "digest.signature"))
                                  .toString());
                        }));
    jdbc.sql("DELETE FROM pending_notification WHERE id = ANY (?)")
        .param(pending.stream().map(Pending::id).toArray(Long[]::new))
        .update();
  }

  private void overdueDigest() {
    List<Overdue> overdue =
        jdbc.sql(
                """
            SELECT w.task_id, w.task_key, a.country_code, a.country, a.office, p.display_name AS assignee, w.due_at AS due
              FROM open_task w JOIN appeal_overview a ON a.id = w.appeal_id LEFT JOIN person p ON p.username = w.assignee
             WHERE w.due_at < ? ORDER BY w.due_at LIMIT ?
            """)
            .params(java.time.OffsetDateTime.now(clock), OVERDUE_LISTED)
            .query(Overdue.class)
            .list();
    if (overdue.isEmpty()) {
      return;
    }
    for (UserAccount coordinator : users.findEnabledWithRole(Role.COORDINATOR)) {
      if (coordinator.email() != null) {
        outbox.enqueue(
            coordinator.email(),
            texts.in(Notices.languageOf(coordinator), "digest.overdueSubject", overdue.size()),
            overdueList(overdue, coordinator));
      }
    }
  }

  /** The overdue tasks as the coordinator reads them: their language, due days on their clock. */
  private String overdueList(List<Overdue> overdue, UserAccount reader) {
    Locale language = Notices.languageOf(reader);
    StringBuilder body =
        new StringBuilder(texts.in(language, "digest.overdueIntro")).append("\n\n");
    for (Overdue o : overdue) {
      body.append("- ")
          .append(
              texts.in(
                  language,
                  "digest.overdueLine",
                  texts.task(o.taskKey(), language),
                  o.office(),
                  formats.country(o.countryCode(), o.country(), language),
                  formats.date(o.due().atZoneSameInstant(reader.zone()).toLocalDate(), language),
                  o.assignee() == null
                      ? texts.in(language, "digest.nobodyHasIt")
                      : texts.in(language, "digest.with", o.assignee())))
          .append("\n  ")
          .append(properties.link("/tasks/" + o.taskId()))
          .append("\n");
    }
    return body.append("\n").append(texts.in(language, "digest.signature")).toString();
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
