package org.bucn.tracker.notification;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.user.Notify;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells one person something that needs them, the way they chose: a mail now, or a line in
 * tomorrow's digest. Joins the caller's transaction, so a rolled-back step tells nobody.
 */
@Service
public class Notices {

  private final UserService users;
  private final MailOutbox outbox;
  private final JdbcClient jdbc;
  private final TrackerProperties properties;

  Notices(UserService users, MailOutbox outbox, JdbcClient jdbc, TrackerProperties properties) {
    this.users = users;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Tells the user, if they are enabled and have a mail address; {@code path} is the page to open,
   * e.g. "/appeals/7".
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(String username, String line, String path) {
    users
        .find(username)
        .filter(UserAccount::enabled)
        .ifPresent(user -> tell(user, line, properties.link(path)));
  }

  void tell(UserAccount user, String line, String link) {
    if (user.email() == null || user.email().isBlank()) {
      return;
    }
    if (user.notifications() == Notify.DIGEST) {
      jdbc.sql("INSERT INTO pending_notification (username, line, link) VALUES (?, ?, ?)")
          .params(user.username(), line, link)
          .update();
    } else {
      outbox.enqueue(
          user.email(),
          "[Tracker] " + line,
          "Hello "
              + user.name()
              + ",\n\n"
              + line
              + "\n\nOpen: "
              + link
              + "\n\n-- Sanctions Campaign Tracker");
    }
  }
}
