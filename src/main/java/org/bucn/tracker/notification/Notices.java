package org.bucn.tracker.notification;

import java.util.Locale;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Notify;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells one person something that needs them: a line in their notices in the tracker (the bell in
 * the header), and by mail the way they chose, now or in tomorrow's digest. Joins the caller's
 * transaction, so a rolled-back step tells nobody.
 */
@Service
public class Notices {

  private final UserService users;
  private final MailOutbox outbox;
  private final JdbcClient jdbc;
  private final TrackerProperties properties;
  private final Texts texts;
  private final java.time.Clock clock;

  Notices(
      UserService users,
      MailOutbox outbox,
      JdbcClient jdbc,
      TrackerProperties properties,
      Texts texts,
      java.time.Clock clock) {
    this.clock = clock;
    this.texts = texts;
    this.users = users;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Tells the user, if they are enabled and have a mail address, the sentence {@code code} of the
   * bundles in their own language; {@code path} is the page to open, e.g. "/appeals/7".
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(String username, String path, String code, Object... args) {
    users
        .find(username)
        .filter(UserAccount::enabled)
        .ifPresent(user -> tell(user, path, code, args));
  }

  void tell(UserAccount user, String path, String code, Object... args) {
    Locale language = languageOf(user);
    String line = texts.in(language, code, args);
    // Dated by the tracker's clock, as the step that caused it is (a story told on its own dates
    // keeps them).
    jdbc.sql("INSERT INTO notice (username, line, path, created_at) VALUES (?, ?, ?, ?)")
        .params(user.username(), line, path, java.time.OffsetDateTime.now(clock))
        .update();
    if (user.email() == null || user.email().isBlank()) {
      return;
    }
    String link = properties.link(path);
    if (user.notifications() == Notify.DIGEST) {
      jdbc.sql("INSERT INTO pending_notification (username, line, link) VALUES (?, ?, ?)")
          .params(user.username(), line, link)
          .update();
    } else {
      outbox.enqueue(
          user.email(),
          texts.in(language, "mail.subject", line),
          texts.in(language, "mail.notice", user.name(), line, link));
    }
  }

  /** The language a person reads the tracker in: theirs if they chose one, else English. */
  static Locale languageOf(UserAccount user) {
    return InterfaceLanguage.ofTag(user.language()).orElse(InterfaceLanguage.EN).locale();
  }
}
