package org.bucn.tracker.appeal;

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
    int inserted =
        jdbc.sql(
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

  @Transactional(readOnly = true)
  public List<TimelineEntry> of(long appealId) {
    return jdbc.sql(
            "SELECT at, actor, action, detail, link FROM appeal_timeline WHERE appeal_id = ? ORDER BY id")
        .param(appealId)
        .query(TimelineEntry.class)
        .list();
  }
}
