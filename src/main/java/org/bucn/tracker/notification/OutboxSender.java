package org.bucn.tracker.notification;

import java.time.Duration;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mails after their step committed, one at a time: a mail is claimed by moving
 * its next attempt one lease ahead (a single committed statement, SKIP LOCKED, so two nodes never
 * take the same mail), then sent with no database transaction open, then marked sent. A node
 * that dies between the SMTP server's acceptance and the mark re-sends that one mail when the
 * lease runs out: at most one duplicate per crash. A failure leaves the mail queued with a growing
 * pause (base × 2^attempts, at most an hour), so an SMTP outage loses nothing and blocks no task.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration MAX_PAUSE = Duration.ofHours(1);

  /** Longer than the SMTP connect, read and write timeouts together (application.yml). */
  static final Duration LEASE = Duration.ofMinutes(2);

  record Queued(long id, String recipient, String subject, String body, int attempts) {}

  private final JdbcClient jdbc;
  private final MailGateway gateway;
  private final Duration retryBase;

  OutboxSender(JdbcClient jdbc, MailGateway gateway, TrackerProperties properties) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.retryBase = properties.mail().retryBase();
  }

  @Scheduled(fixedDelayString = "${tracker.mail.poll}", initialDelayString = "${tracker.mail.poll}")
  void sendDueMails() {
    while (sendOne()) {
      // until no mail is due
    }
  }

  /** Claims, sends and records one due mail; returns whether there was one. */
  boolean sendOne() {
    Queued mail = jdbc.sql(
            """
            UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ?)
             WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= now()
                          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, body, attempts
            """)
        .param(LEASE.toSeconds())
        .query(Queued.class)
        .optional()
        .orElse(null);
    if (mail == null) {
      return false;
    }
    try {
      gateway.send(mail.recipient(), mail.subject(), mail.body());
    } catch (RuntimeException e) {
      Duration pause = pause(mail.attempts() + 1);
      log.warn("Mail {} to {} not sent (attempt {}), next try in {}: {}", mail.id(), mail.recipient(), mail.attempts() + 1, pause, e.getMessage());
      jdbc.sql(
              """
              UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,
                     next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?
              """)
          .params(String.valueOf(e.getMessage()), pause.toMillis() / 1000.0, mail.id())
          .update();
      return true;
    }
    jdbc.sql("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?")
        .param(mail.id()).update();
    return true;
  }

  Duration pause(int attempts) {
    Duration pause = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }
}
