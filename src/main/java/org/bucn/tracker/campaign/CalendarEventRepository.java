package org.bucn.tracker.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarEventRepository {

  private static final String SELECT =
      "SELECT id, title, kind, held_on, territories, source_url, created_by, created_at FROM calendar_event";

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  CalendarEventRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long insert(EventRequest event, String by) {
    return jdbc.sql(
            """
            INSERT INTO calendar_event (title, kind, held_on, territories, source_url, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            event.title().strip(),
            event.kind().name(),
            event.date(),
            event.territories().toArray(String[]::new),
            event.source(),
            by,
            OffsetDateTime.now(clock))
        .query(Long.class)
        .single();
  }

  Optional<CalendarEvent> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?")
        .param(id)
        .query(CalendarEventRepository::map)
        .optional();
  }

  /** Every event, the latest first. */
  List<CalendarEvent> all() {
    return jdbc.sql(SELECT + " ORDER BY held_on DESC, id DESC")
        .query(CalendarEventRepository::map)
        .list();
  }

  private static CalendarEvent map(ResultSet rs, int n) throws SQLException {
    return new CalendarEvent(
        rs.getLong("id"),
        rs.getString("title"),
        EventKind.valueOf(rs.getString("kind")),
        rs.getObject("held_on", LocalDate.class),
        Arrays.stream((Object[]) rs.getArray("territories").getArray())
            .map(String.class::cast)
            .toList(),
        rs.getString("source_url"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
