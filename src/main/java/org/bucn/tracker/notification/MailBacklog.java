package org.bucn.tracker.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails waiting in the outbox, for the operations console: how many, which ones fail, send them
 * now.
 */
@Service
public class MailBacklog {

  /** A mail the SMTP server refused at least once and that is still waiting. */
  public record FailingMail(
      long id,
      String recipient,
      String subject,
      int attempts,
      String lastError,
      OffsetDateTime nextAttemptAt) {}

  /** The states of {@link #byState()}. */
  public static final List<String> STATES = List.of("QUEUED", "RETRYING", "FAILED", "SENT");

  private final JdbcClient jdbc;

  MailBacklog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public long waiting() {
    return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL")
        .query(Long.class)
        .single();
  }

  /**
   * The outbox by state, in one query: QUEUED (not tried yet), RETRYING (refused or unreachable,
   * tried again later), FAILED (refused for good), SENT.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, Long> byState() {
    java.util.Map<String, Long> states = new java.util.LinkedHashMap<>();
    for (String state : STATES) {
      states.put(state, 0L);
    }
    jdbc.sql(
            """
            SELECT CASE WHEN sent_at IS NOT NULL THEN 'SENT' WHEN failed_at IS NOT NULL THEN 'FAILED'
                        WHEN attempts > 0 THEN 'RETRYING' ELSE 'QUEUED' END AS state, count(*) AS mails
              FROM mail_outbox GROUP BY 1
            """)
        .query((rs, n) -> states.put(rs.getString("state"), rs.getLong("mails")))
        .list();
    return states;
  }

  /** The most recently refused mails first. */
  @Transactional(readOnly = true)
  public List<FailingMail> failing(int limit) {
    return jdbc.sql(
            """
            SELECT id, recipient, subject, attempts, last_error, next_attempt_at FROM mail_outbox
             WHERE sent_at IS NULL AND attempts > 0 ORDER BY id DESC LIMIT ?
            """)
        .param(limit)
        .query(FailingMail.class)
        .list();
  }

  /** Sends every waiting mail at the next poll instead of after its pause; returns how many. */
  @Transactional
  public int retryNow() {
    return jdbc.sql(
            "UPDATE mail_outbox SET next_attempt_at = now() WHERE sent_at IS NULL AND next_attempt_at > now()")
        .update();
  }
}
