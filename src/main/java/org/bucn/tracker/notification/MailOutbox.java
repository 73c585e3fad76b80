package org.bucn.tracker.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues a mail inside the caller's transaction: it is sent only if the step commits. */
@Component
class MailOutbox {

  private final JdbcClient jdbc;

  MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void enqueue(String recipient, String subject, String body) {
    jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)")
        .params(recipient, subject.length() > 300 ? subject.substring(0, 297) + "..." : subject, body)
        .update();
  }
}
