package org.bucn.tracker.notification;

import org.bucn.tracker.appeal.AppealMail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues a mail inside the caller's transaction: it is sent only if the step commits. */
@Component
class MailOutbox {

  /** The width of {@code mail_outbox.subject}; longer subjects end in an ellipsis. */
  static final int SUBJECT_MAX = 300;

  private static final String ELLIPSIS = "...";

  private final JdbcClient jdbc;

  MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void enqueue(String recipient, String subject, String body) {
    jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)")
        .params(recipient, subjectLine(subject), body)
        .update();
  }

  /**
   * An appeal's letter to a target's office, with its own Message-ID, queued as the bytes the
   * appeal kept.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void enqueue(AppealMail mail) {
    jdbc.sql(
            """
            INSERT INTO mail_outbox (recipient, subject, body, message_id, in_reply_to, cc, reply_to, attachment_name,
                                     raw_message, appeal_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            mail.to(),
            subjectLine(mail.subject()),
            mail.body(),
            mail.messageId(),
            mail.inReplyTo(),
            mail.cc(),
            mail.replyTo(),
            mail.attachmentName(),
            mail.eml(),
            mail.appealId())
        .update();
  }

  // A subject is one header line: a line break in it (a campaign title) must not start another
  // header.
  static String subjectLine(String subject) {
    String line = subject.replaceAll("[\\r\\n]+", " ");
    return line.length() > SUBJECT_MAX
        ? line.substring(0, SUBJECT_MAX - ELLIPSIS.length()) + ELLIPSIS
        : line;
  }
}
