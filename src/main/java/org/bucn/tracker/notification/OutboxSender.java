package org.bucn.tracker.notification;

import java.time.Duration;
import java.util.OptionalInt;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.AppealDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued mails after their step committed, one at a time: a mail is claimed by moving its
 * next attempt one lease ahead (a single committed statement, SKIP LOCKED, so two nodes never take
 * the same mail), then sent with no database transaction open, then marked sent. A node that dies
 * between the SMTP server's acceptance and the mark re-sends that one mail when the lease runs out:
 * at most one duplicate per crash. A failure leaves the mail queued with a growing pause (base ×
 * 2^attempts, at most an hour), so an SMTP outage loses nothing and blocks no task; a permanent
 * refusal (a 5xx reply) ends the mail as failed at once.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration MAX_PAUSE = Duration.ofHours(1);

  /** Longer than the SMTP connect, read and write timeouts together (application.yml). */
  static final Duration LEASE = Duration.ofMinutes(2);

  record Queued(
      long id,
      String recipient,
      String subject,
      String body,
      int attempts,
      String messageId,
      String inReplyTo,
      String cc,
      String replyTo,
      String attachmentName,
      byte[] attachment,
      byte[] rawMessage,
      Long appealId) {

    MailGateway.Outgoing outgoing() {
      return new MailGateway.Outgoing(
          id,
          recipient,
          subject,
          body,
          messageId,
          inReplyTo,
          cc,
          replyTo,
          attachmentName,
          attachment,
          rawMessage);
    }
  }

  private final JdbcClient jdbc;
  private final MailGateway gateway;
  private final Duration retryBase;
  private final AppealDeliveries appeals;
  private final Notices notices;
  private final TransactionTemplate transaction;

  OutboxSender(
      JdbcClient jdbc,
      MailGateway gateway,
      TrackerProperties properties,
      AppealDeliveries appeals,
      Notices notices,
      TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.appeals = appeals;
    this.notices = notices;
    this.transaction = transaction;
    this.retryBase = properties.mail().retryBase();
  }

  @Scheduled(fixedDelayString = "${tracker.mail.poll}", initialDelayString = "${tracker.mail.poll}")
  void sendDueMails() {
    while (sendOne()) {
      // until no mail is due
    }
  }

  /**
   * Claims, sends and records one due mail, a letter to an office before the team's notices (a
   * letter never waits behind them); returns whether there was one.
   */
  boolean sendOne() {
    Queued mail =
        jdbc.sql(
                """
            UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ?)
             WHERE id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                          ORDER BY appeal_id IS NULL, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, body, attempts, message_id, in_reply_to, cc, reply_to, attachment_name, attachment,
                      raw_message, appeal_id
            """)
            .param(LEASE.toSeconds())
            .query(Queued.class)
            .optional()
            .orElse(null);
    if (mail == null) {
      return false;
    }
    try {
      gateway.send(mail.outgoing());
    } catch (RuntimeException e) {
      OptionalInt refusal = SmtpRefusal.permanentCode(e);
      if (refusal.isPresent()) {
        refused(mail, e);
        return true;
      }
      Duration pause = pause(mail.attempts() + 1);
      log.warn(
          "Mail {} to {} not sent (attempt {}), next try in {}: {}",
          mail.id(),
          mail.recipient(),
          mail.attempts() + 1,
          pause,
          e.getMessage());
      jdbc.sql(
              """
              UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,
                     next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?
              """)
          .params(String.valueOf(e.getMessage()), pause.toMillis() / 1000.0, mail.id())
          .update();
      return true;
    }
    jdbc.sql(
            "UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?")
        .param(mail.id())
        .update();
    return true;
  }

  /**
   * The server refused the mail for good (a 5xx reply): it is not tried again, and whoever sent an
   * appeal's letter hears of it on the appeal and by mail, so they can correct the address and
   * re-send.
   */
  private void refused(Queued mail, RuntimeException e) {
    String error = SmtpRefusal.describe(e);
    log.warn(
        "Mail {} to {} refused by the SMTP server, not tried again: {}",
        mail.id(),
        mail.recipient(),
        error);
    transaction.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, failed_at = now() WHERE id = ?")
              .params(error, mail.id())
              .update();
          if (mail.appealId() != null) {
            appeals
                .deliveryFailed(mail.appealId(), mail.messageId(), mail.recipient(), error)
                .ifPresent(
                    sender ->
                        notices.tell(
                            sender,
                            "/appeals/" + mail.appealId(),
                            "notice.notDelivered",
                            mail.recipient(),
                            error));
          }
        });
  }

  Duration pause(int attempts) {
    Duration pause = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }
}
