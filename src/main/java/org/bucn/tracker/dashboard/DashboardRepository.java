package org.bucn.tracker.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DashboardRepository {

  /**
   * What one round trip brings back for a dashboard.
   *
   * @param today the database's current UTC date, which the follow-up due-day buckets use
   * @param overdueToday follow-ups due earlier today (UTC) and not done
   */
  record Snapshot(
      String title,
      Map<String, Long> counts,
      String today,
      long overdueToday,
      List<Dashboard.OverdueFollowUp> oldestOverdue) {

    /** Overdue follow-ups: every bucket of an earlier day, plus today's that are past due. */
    long overdueFollowUps() {
      long earlierDays =
          counts.entrySet().stream()
              .filter(
                  e ->
                      e.getKey().startsWith(DUE_DAY)
                          && e.getKey().substring(DUE_DAY.length()).compareTo(today) < 0)
              .mapToLong(Map.Entry::getValue)
              .sum();
      return earlierDays + overdueToday;
    }
  }

  static final String DUE_DAY = "followup_due|";

  private static final String OLDEST_OVERDUE =
      """
      SELECT coalesce(json_agg(json_build_object('taskId', w.task_id, 'appealId', w.appeal_id, 'campaignId', w.campaign_id,
                                                 'countryCode', a.country_code, 'country', a.country, 'office', a.office,
                                                 'assignee', w.assignee, 'due', w.due_at) ORDER BY w.due_at), '[]')
        FROM (SELECT * FROM open_task w WHERE w.task_key = 'followUp' AND w.due_at < :now %s ORDER BY w.due_at LIMIT %d) w
        JOIN appeal_overview a ON a.id = w.appeal_id
      """;

  /** Follow-ups due earlier today (UTC); {@code %s} narrows them to one campaign. */
  private static final String OVERDUE_TODAY =
      """
      to_char(CAST(:now AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS today,
      (SELECT count(*) FROM open_task w WHERE w.task_key = 'followUp' %s
          AND w.due_at >= date_trunc('day', CAST(:now AS timestamptz) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND w.due_at < :now) AS overdue_today
      """;

  private static final String PORTFOLIO =
      """
      SELECT 'All campaigns' AS title, dashboard_counts_of(0) AS counts, %s, (%s) AS oldest
      """
          .formatted(
              OVERDUE_TODAY.formatted(""),
              OLDEST_OVERDUE.formatted("", DashboardService.OVERDUE_SHOWN));

  // The campaign is named twice rather than "IS NULL OR": the planner then keeps to the partial
  // indexes.
  private static final String CAMPAIGN =
      """
      SELECT c.title, dashboard_counts_of(c.id) AS counts, %s, (%s) AS oldest
        FROM campaign_directory c WHERE c.id = :campaign
      """
          .formatted(
              OVERDUE_TODAY.formatted("AND w.campaign_id = :campaign"),
              OLDEST_OVERDUE.formatted(
                  "AND w.campaign_id = :campaign", DashboardService.OVERDUE_SHOWN));

  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};
  private static final TypeReference<List<Dashboard.OverdueFollowUp>> OVERDUE =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  private final java.time.Clock clock;

  DashboardRepository(JdbcClient jdbc, ObjectMapper json, java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.json = json;
  }

  Snapshot portfolio() {
    return jdbc.sql(PORTFOLIO)
        .param("now", java.time.OffsetDateTime.now(clock))
        .query((rs, i) -> snapshot(rs))
        .single();
  }

  Optional<Snapshot> campaign(long campaignId) {
    return jdbc.sql(CAMPAIGN)
        .param("campaign", campaignId)
        .param("now", java.time.OffsetDateTime.now(clock))
        .query((rs, i) -> snapshot(rs))
        .optional();
  }

  Map<String, String> countryNames() {
    return jdbc
        .sql(
            "SELECT DISTINCT ON (country_code) country_code, country FROM target_directory ORDER BY country_code, id")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * How many tasks wait at each user task of the appeal process, by task key; all campaigns when
   * null.
   */
  Map<String, Long> openTasksByKey(Long campaignId) {
    return jdbc
        .sql(
            "SELECT task_key, count(*) FROM open_task WHERE CAST(:campaign AS bigint) IS NULL OR campaign_id = :campaign GROUP BY task_key")
        .param("campaign", campaignId)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      String counts = rs.getString("counts");
      return new Snapshot(
          rs.getString("title"),
          counts == null ? Map.of() : json.readValue(counts, COUNTS),
          rs.getString("today"),
          rs.getLong("overdue_today"),
          json.readValue(rs.getString("oldest"), OVERDUE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable dashboard counts", e);
    }
  }
}
