package org.bucn.tracker.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DashboardRepository {

  /** Scope 0 holds the counters of every campaign together. */
  static final long PORTFOLIO = 0;

  record Counter(String kind, String key, long n) {}

  private final JdbcClient jdbc;

  DashboardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Counter> counters(long scope) {
    return jdbc.sql("SELECT kind, key, n FROM dashboard_counter WHERE scope_id = ? AND n <> 0")
        .param(scope)
        .query((rs, i) -> new Counter(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  Optional<String> campaignTitle(long campaignId) {
    return jdbc.sql("SELECT title FROM campaign WHERE id = ?").param(campaignId).query(String.class).optional();
  }

  long overdueFollowUps(Long campaignId) {
    return campaignId == null
        ? jdbc.sql("SELECT count(*) FROM work_item WHERE task_key = 'followUp' AND due_at < now()").query(Long.class).single()
        : jdbc.sql("SELECT count(*) FROM work_item WHERE task_key = 'followUp' AND campaign_id = ? AND due_at < now()")
            .param(campaignId).query(Long.class).single();
  }

  List<Dashboard.OverdueFollowUp> oldestOverdueFollowUps(Long campaignId, int limit) {
    return jdbc.sql(
            """
            SELECT w.task_id, w.appeal_id, w.campaign_id, t.country_code, t.country, t.office, w.assignee, w.due_at AS due
              FROM work_item w JOIN appeal a ON a.id = w.appeal_id JOIN target t ON t.id = a.target_id
             WHERE w.task_key = 'followUp' AND w.due_at < now() AND (CAST(:campaign AS bigint) IS NULL OR w.campaign_id = :campaign)
             ORDER BY w.due_at LIMIT :limit
            """)
        .param("campaign", campaignId)
        .param("limit", limit)
        .query(Dashboard.OverdueFollowUp.class)
        .list();
  }

  Map<String, String> countryNames() {
    return jdbc.sql("SELECT DISTINCT ON (country_code) country_code, country FROM target ORDER BY country_code, id")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
