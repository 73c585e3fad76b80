package org.bucn.tracker.dashboard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the counter deltas that steps append to {@code dashboard_delta} into the per-campaign and
 * portfolio rows of {@code dashboard_counts}, so that a dashboard sums a handful of pending rows
 * rather than every change ever made. Safe on several nodes at once: a delta row is deleted by one
 * of them only, and the counter rows are updated in scope order.
 */
@Component
class DashboardFolding {

  static final long EVERY_MILLIS = 1000;

  private final JdbcClient jdbc;

  DashboardFolding(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns how many counter rows it updated. */
  @Scheduled(fixedDelay = EVERY_MILLIS, initialDelay = EVERY_MILLIS)
  @Transactional
  public int fold() {
    return jdbc.sql(
            """
            WITH taken AS (DELETE FROM dashboard_delta RETURNING campaign_id, counts),
                 summed AS (SELECT s.scope_id, e.key, sum(e.value::bigint) AS n
                              FROM taken t CROSS JOIN LATERAL jsonb_each_text(t.counts) e
                              CROSS JOIN LATERAL (VALUES (0::bigint), (t.campaign_id)) s (scope_id)
                             GROUP BY s.scope_id, e.key HAVING sum(e.value::bigint) <> 0)
            INSERT INTO dashboard_counts AS c (scope_id, counts)
            SELECT scope_id, jsonb_object_agg(key, n) FROM summed GROUP BY scope_id ORDER BY scope_id
            ON CONFLICT (scope_id) DO UPDATE SET counts = add_counts(c.counts, EXCLUDED.counts)
            """)
        .update();
  }
}
