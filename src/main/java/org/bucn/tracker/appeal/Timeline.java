package org.bucn.tracker.appeal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads appeal timelines; always joins the caller's transaction. */
@Service
public class Timeline {

  private final JdbcClient jdbc;

  private final java.time.Clock clock;

  Timeline(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, String detail) {
    record(appealId, actor, action, detail, null);
  }

  /** A line that links to what it is about, e.g. {@code /api/evidence/7/content}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, String detail, String link) {
    int inserted = jdbc.sql(
            """
            INSERT INTO appeal_timeline (appeal_id, campaign_id, at, actor, action, detail, link)
            SELECT id, campaign_id, ?, ?, ?, ?, ? FROM appeal_overview WHERE id = ?
            """)
        .params(java.time.OffsetDateTime.now(clock), actor, action, detail, link, appealId)
        .update();
    if (inserted != 1) {
      throw new IllegalStateException("No appeal " + appealId + " to record '" + action + "' on");
    }
  }

  /** Where the appeal's timeline ends now: what {@link #happenedAt} re-dates the lines after. */
  @Transactional(readOnly = true)
  public long mark(long appealId) {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM appeal_timeline WHERE appeal_id = ?").param(appealId).query(Long.class).single();
  }

  /**
   * Records when the lines written after {@code mark} happened as history has it, a second apart
   * in their order, when history is seeded (the demo campaign); steps people take are stamped as
   * they happen.
   */
  @Transactional
  public void happenedAt(long appealId, long mark, OffsetDateTime at) {
    jdbc.sql(
            """
            UPDATE appeal_timeline t SET at = ? + make_interval(secs => n.position)
              FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS position
                      FROM appeal_timeline WHERE appeal_id = ? AND id > ?) n
             WHERE t.id = n.id
            """)
        .params(at, appealId, mark)
        .update();
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> of(long appealId) {
    return jdbc.sql("SELECT at, actor, action, detail, link FROM appeal_timeline WHERE appeal_id = ? ORDER BY id")
        .param(appealId)
        .query(TimelineEntry.class)
        .list();
  }
}
