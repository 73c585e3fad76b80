package org.bucn.tracker.notification;

import java.util.List;
import java.util.Locale;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.db.TransactionBatch;
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
  private final JdbcClient jdbc;
  private final TrackerProperties properties;
  private final Texts texts;
  private final java.time.Clock clock;

  /** The notices told in the current transaction, written as it commits. */
  private final TransactionBatch<Told> told = new TransactionBatch<>(this::write);

  Notices(
      UserService users,
      JdbcClient jdbc,
      TrackerProperties properties,
      Texts texts,
      java.time.Clock clock) {
    this.clock = clock;
    this.texts = texts;
    this.users = users;
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
    boolean mailed = user.email() != null && !user.email().isBlank();
    boolean digest = mailed && user.notifications() == Notify.DIGEST;
    String link = properties.link(path);
    // Dated by the tracker's clock, as the step that caused it is (a story told on its own dates
    // keeps them).
    told.add(
        new Told(
            user.username(),
            line,
            path,
            java.time.OffsetDateTime.now(clock),
            digest ? link : null,
            mailed && !digest ? user.email() : null,
            mailed && !digest
                ? MailOutbox.subjectLine(texts.in(language, "mail.subject", line))
                : null,
            mailed && !digest ? texts.in(language, "mail.notice", user.name(), line, link) : null));
  }

  /**
   * One notice: its line in the tracker, and either a line for the person's digest ({@code
   * digestLink}) or a mail now ({@code mailTo}), or neither when they have no address.
   */
  private record Told(
      String username,
      String line,
      String path,
      java.time.OffsetDateTime at,
      String digestLink,
      String mailTo,
      String mailSubject,
      String mailBody) {}

  /**
   * The notices of one transaction with their digest lines and mails, in one statement as it
   * commits: a review waiting tells every coordinator.
   */
  private void write(List<Told> batch) {
    jdbc.sql(
            """
            WITH told AS (
              SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                                   ?::text[], ?::text[]) WITH ORDINALITY
                     AS t (username, line, path, at, digest_link, mail_to, mail_subject, mail_body, n)),
            noticed AS (
              INSERT INTO notice (username, line, path, created_at)
              SELECT username, line, path, at FROM told ORDER BY n),
            digested AS (
              INSERT INTO pending_notification (username, line, link)
              SELECT username, line, digest_link FROM told WHERE digest_link IS NOT NULL ORDER BY n),
            mailed AS (
              INSERT INTO mail_outbox (recipient, subject, body)
              SELECT mail_to, mail_subject, mail_body FROM told WHERE mail_to IS NOT NULL ORDER BY n)
            SELECT count(*) FROM told
            """)
        .params(
            batch.stream().map(Told::username).toArray(String[]::new),
            batch.stream().map(Told::line).toArray(String[]::new),
            batch.stream().map(Told::path).toArray(String[]::new),
            batch.stream().map(t -> t.at().toString()).toArray(String[]::new),
            batch.stream().map(Told::digestLink).toArray(String[]::new),
            batch.stream().map(Told::mailTo).toArray(String[]::new),
            batch.stream().map(Told::mailSubject).toArray(String[]::new),
            batch.stream().map(Told::mailBody).toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  /** Writes the notices told so far in this transaction: before a reader of them in it. */
  void flush() {
    told.flush();
  }

  /** The language a person reads the tracker in: theirs if they chose one, else English. */
  static Locale languageOf(UserAccount user) {
    return InterfaceLanguage.ofTag(user.language()).orElse(InterfaceLanguage.EN).locale();
  }
}
