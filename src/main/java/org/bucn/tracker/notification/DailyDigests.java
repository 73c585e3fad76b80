package org.bucn.tracker.notification;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bucn.tracker.TrackerProperties;
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

  DailyDigests(
      JdbcClient jdbc,
      UserService users,
      MailOutbox outbox,
      TransactionTemplate transaction,
      TrackerProperties properties,
      Clock clock) {
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
                          StringBuilder body =
                              new StringBuilder("New work for you since the last digest:\n\n");
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
                              "[Tracker] Your daily digest",
                              body.append("\n-- Sanctions Campaign Tracker").toString());
                        }));
    jdbc.sql("DELETE FROM pending_notification WHERE id = ANY (?)")
        .param(pending.stream().map(Pending::id).toArray(Long[]::new))
        .update();
  }

  private void overdueDigest() {
    List<Overdue> overdue =
        jdbc.sql(
                """
            SELECT w.task_id, w.task_key, a.country, a.office, p.display_name AS assignee, w.due_at AS due
              FROM open_task w JOIN appeal_overview a ON a.id = w.appeal_id LEFT JOIN person p ON p.username = w.assignee
             WHERE w.due_at < ? ORDER BY w.due_at LIMIT ?
            """)
            .params(java.time.OffsetDateTime.now(clock), OVERDUE_LISTED)
            .query(Overdue.class)
            .list();
    if (overdue.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder("Overdue tasks, oldest first:\n\n");
    for (Overdue o : overdue) {
      String step =
          org.bucn.tracker.appeal.TaskKey.fromKey(o.taskKey())
              .map(org.bucn.tracker.appeal.TaskKey::displayName)
              .orElse(o.taskKey());
      body.append("- ")
          .append(step)
          .append(": ")
          .append(o.office())
          .append(", ")
          .append(o.country())
          .append(", due ")
          .append(org.bucn.tracker.shared.Words.date(o.due().toLocalDate()))
          .append(o.assignee() == null ? ", nobody has it" : ", with " + o.assignee())
          .append("\n  ")
          .append(properties.link("/tasks/" + o.taskId()))
          .append("\n");
    }
    for (UserAccount coordinator : users.findEnabledWithRole(Role.COORDINATOR)) {
      if (coordinator.email() != null) {
        outbox.enqueue(
            coordinator.email(),
            "[Tracker] " + overdue.size() + " overdue tasks",
            body + "\n-- Sanctions Campaign Tracker");
      }
    }
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
