package org.bucn.tracker.discussion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.Timeline;
import org.bucn.tracker.notification.Notices;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds notes to appeals: kept, in the timeline, searchable; an {@code @username} of an active user
 * tells them.
 */
@Service
public class Notes {

  static final int MAX = 5_000;
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9._-]{2,64})");

  private final JdbcClient jdbc;
  private final AppealService appeals;
  private final Timeline timeline;
  private final UserService users;
  private final Notices notices;
  private final People people;
  private final java.time.Clock clock;

  Notes(
      JdbcClient jdbc,
      AppealService appeals,
      Timeline timeline,
      UserService users,
      Notices notices,
      People people,
      java.time.Clock clock) {
    this.clock = clock;
    this.people = people;
    this.jdbc = jdbc;
    this.appeals = appeals;
    this.timeline = timeline;
    this.users = users;
    this.notices = notices;
  }

  @Transactional
  public Note add(long appealId, String text, Actor actor) {
    appeals.requireExists(appealId);
    String note = text == null ? "" : text.strip();
    if (note.isEmpty()) {
      throw new InvalidFieldException("text", "refusal.note.empty");
    }
    if (note.length() > MAX) {
      throw new InvalidFieldException("text", "refusal.text.atMost", MAX);
    }
    long id =
        jdbc.sql(
                "INSERT INTO appeal_note (appeal_id, author, text, created_at) VALUES (?, ?, ?, ?) RETURNING id")
            .params(appealId, actor.username(), note, java.time.OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    timeline.record(appealId, actor.username(), "NOTE", Sentence.of("note", Sentence.text(note)));
    Set<String> told = new LinkedHashSet<>();
    // An @name that is nobody's (a typo, someone who left) is kept in the note and said back to
    // its author, so that the one meant to read it is not silently left out.
    Set<String> nobody = new LinkedHashSet<>();
    for (String name : MENTION.matcher(note).results().map(m -> m.group(1)).toList()) {
      java.util.Optional<UserAccount> user = users.find(name).filter(UserAccount::enabled);
      if (user.isEmpty()) {
        nobody.add(name);
      } else if (!user.get().username().equals(actor.username())
          && told.add(user.get().username())) {
        notices.tell(
            user.get().username(),
            "/appeals/" + appealId,
            "notice.mentioned",
            people.name(actor.username()),
            abbreviate(note));
      }
    }
    return jdbc.sql("SELECT id, appeal_id, author, text, created_at FROM appeal_note WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Note(
                    rs.getLong("id"),
                    rs.getLong("appeal_id"),
                    rs.getString("author"),
                    rs.getString("text"),
                    rs.getObject("created_at", java.time.OffsetDateTime.class),
                    List.copyOf(told),
                    List.copyOf(nobody)))
        .single();
  }

  private static String abbreviate(String note) {
    String line = note.replaceAll("\\s+", " ");
    return line.length() <= 140 ? line : line.substring(0, 139) + "…";
  }
}
