package org.bucn.tracker.notification;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued mails after their step committed. Each batch locks its rows with SKIP LOCKED,
 * so two nodes never take the same mail; a failure leaves the mail queued with a growing pause
 * (base × 2^attempts, at most an hour), so an SMTP outage loses nothing and blocks no task.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration MAX_PAUSE = Duration.ofHours(1);
  static final int BATCH = 20;

  record Queued(long id, String recipient, String subject, String body, int attempts) {}

  private final JdbcClient jdbc;
  private final MailGateway gateway;
  private final TransactionTemplate transaction;
  private final Duration retryBase;

  OutboxSender(JdbcClient jdbc, MailGateway gateway, TransactionTemplate transaction,
      @Value("${tracker.mail.retry-base}") Duration retryBase) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.transaction = transaction;
    this.retryBase = retryBase;
  }

  @Scheduled(fixedDelayString = "${tracker.mail.poll}", initialDelayString = "${tracker.mail.poll}")
  void sendDueMails() {
    int sent;
    do {
      sent = sendBatch();
    } while (sent == BATCH);
  }

  /** Sends one batch; returns how many mails it took (sent or not). */
  int sendBatch() {
    Integer taken = transaction.execute(status -> {
      List<Queued> due = jdbc.sql(
              """
              SELECT id, recipient, subject, body, attempts FROM mail_outbox
               WHERE sent_at IS NULL AND next_attempt_at <= now()
               ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
              """)
          .param(BATCH)
          .query(Queued.class)
          .list();
      for (Queued mail : due) {
        try {
          gateway.send(mail.recipient(), mail.subject(), mail.body());
          jdbc.sql("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?")
              .param(mail.id()).update();
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
        }
      }
      return due.size();
    });
    return taken == null ? 0 : taken;
  }

  Duration pause(int attempts) {
    Duration pause = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }
}
