package org.bucn.tracker.appeal.worklist;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.ICalDate;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.Hashes;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's deadlines in their own calendar (Outlook, Google, Apple): an iCalendar feed (RFC
 * 5545) at a secret address, of the due dates of their open tasks, and for a coordinator of every
 * campaign's open tasks. Each event is one task, its UID the task's, so a moved due date moves the
 * event instead of adding one. The address is kept as its SHA-256 only; renewing it ends the old.
 */
@Service
public class TaskCalendar {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a calendar shows, a month back and onwards. */
  private static final int DAYS_BACK = 31;

  /** How far ahead the feed looks: further than any due date a campaign sets. */
  private static final int FEED_YEARS_AHEAD = 10;

  private final JdbcClient jdbc;
  private final UserService users;
  private final Texts texts;
  private final TrackerProperties properties;
  private final Clock clock;

  TaskCalendar(
      JdbcClient jdbc, UserService users, Texts texts, TrackerProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.texts = texts;
    this.properties = properties;
    this.clock = clock;
  }

  /** A new secret address for the person's feed; the one before stops working. */
  @Transactional
  public URI renew(String username) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            """
            INSERT INTO calendar_feed (username, token_hash, created_at) VALUES (?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
            """)
        .params(username, Hashes.sha256(token), OffsetDateTime.now(clock))
        .update();
    return URI.create(properties.link("/calendar/" + token + ".ics"));
  }

  /** Whether the person has a feed address (it is shown only once, when made). */
  @Transactional(readOnly = true)
  public boolean has(String username) {
    return jdbc.sql("SELECT count(*) FROM calendar_feed WHERE username = ?")
            .param(username)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The feed behind a secret address, in its owner's language and zone; empty for no one's. */
  @Transactional(readOnly = true)
  public Optional<String> feed(String token) {
    return jdbc.sql("SELECT username FROM calendar_feed WHERE token_hash = ?")
        .param(Hashes.sha256(token))
        .query(String.class)
        .optional()
        .flatMap(users::find)
        .filter(UserAccount::enabled)
        .map(this::calendarOf);
  }

  /**
   * One deadline as a calendar shows it: the day it falls on in the person's zone, and a line in
   * their language.
   */
  public record Deadline(String taskId, LocalDate day, String summary, String campaignTitle) {}

  /**
   * The deadlines of the person's calendar between two days (inclusive), in their language and
   * zone: their open tasks' due dates, and for a coordinator every campaign's.
   */
  @Transactional(readOnly = true)
  public List<Deadline> deadlines(String username, LocalDate from, LocalDate to) {
    UserAccount person = users.find(username).orElseThrow();
    return deadlines(person, from, to);
  }

  private List<Deadline> deadlines(UserAccount person, LocalDate from, LocalDate to) {
    Locale language =
        InterfaceLanguage.ofTag(person.language()).orElse(InterfaceLanguage.EN).locale();
    ZoneId zone = person.zone();
    boolean everyCampaign = person.roles().contains(Role.COORDINATOR);
    return jdbc.sql(
            """
            SELECT w.task_id, w.task_key, w.due_at, w.assignee, p.display_name AS holder_name,
                   o.office, o.country, o.campaign_title
              FROM work_item w JOIN appeal_overview o ON o.id = w.appeal_id
              LEFT JOIN person p ON p.username = w.assignee
             WHERE w.due_at >= ? AND w.due_at < ? AND (w.assignee = ? OR ?)
             ORDER BY w.due_at, w.task_id
            """)
        .params(
            from.atStartOfDay(zone).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
            person.username(),
            everyCampaign)
        .query(
            (rs, n) -> {
              String holder = rs.getString("assignee");
              return new Deadline(
                  rs.getString("task_id"),
                  rs.getObject("due_at", OffsetDateTime.class)
                      .atZoneSameInstant(zone)
                      .toLocalDate(),
                  texts.in(
                      language,
                      holder == null || holder.equals(person.username())
                          ? "calendar.event"
                          : "calendar.eventOf",
                      texts.task(rs.getString("task_key"), language),
                      rs.getString("office"),
                      rs.getString("country"),
                      holder == null ? "" : rs.getString("holder_name")),
                  rs.getString("campaign_title"));
            })
        .list();
  }

  private String calendarOf(UserAccount person) {
    Locale language =
        InterfaceLanguage.ofTag(person.language()).orElse(InterfaceLanguage.EN).locale();
    ICalendar calendar = new ICalendar();
    calendar.setProductId(
        "-//Balkan-Ukrainian cooperation network//Sanctions Campaign Tracker//EN");
    calendar.addName(texts.in(language, "calendar.name", person.name()));
    String host = URI.create(properties.link("/")).getHost();
    LocalDate today = LocalDate.now(clock.withZone(person.zone()));
    for (Deadline deadline :
        deadlines(person, today.minusDays(DAYS_BACK), today.plusYears(FEED_YEARS_AHEAD))) {
      VEvent event = new VEvent();
      event.setUid(deadline.taskId() + "@" + host);
      // A day, not a moment: written as the date the person reads the deadline on.
      event.setDateStart(new ICalDate(day(deadline.day()), false));
      event.setDateEnd(new ICalDate(day(deadline.day().plusDays(1)), false));
      event.setSummary(deadline.summary());
      event.setDescription(deadline.campaignTitle());
      event.setUrl(properties.link("/tasks/" + deadline.taskId()));
      calendar.addEvent(event);
    }
    return Biweekly.write(calendar).go();
  }

  /** The day as biweekly writes a date without time: in the JVM's own zone. */
  private static Date day(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
