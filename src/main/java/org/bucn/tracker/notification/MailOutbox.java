package org.bucn.tracker.notification;

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
    // A subject is one header line: a line break in it (a campaign title) must not start another header.
    String line = subject.replaceAll("[\\r\\n]+", " ");
    jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)")
        .params(recipient, line.length() > SUBJECT_MAX ? line.substring(0, SUBJECT_MAX - ELLIPSIS.length()) + ELLIPSIS : line, body)
        .update();
  }
}
