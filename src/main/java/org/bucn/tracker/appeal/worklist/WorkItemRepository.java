package org.bucn.tracker.appeal.worklist;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bucn.tracker.appeal.TaskKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The open tasks as the lists read them: one row per engine user task, kept in step by {@code
 * StepEvents} (a new task is listed by the statement that moves its appeal to the task's stage,
 * {@code AppealService.enterStep}).
 */
@Repository
public class WorkItemRepository {

  /** The row of one open task, as read before acting on it. */
  public record WorkItem(
      String taskId,
      TaskKey key,
      long appealId,
      long campaignId,
      String candidateGroup,
      String assignee) {}

  private static final String ITEM_COLUMNS =
      """
      SELECT w.task_id AS id, w.task_key, w.appeal_id, w.campaign_id, a.campaign_title,
             w.country_code, a.country, a.office, a.stage, w.candidate_group, w.assignee,
             w.created_at AS created, w.due_at AS due
        FROM work_item w
        JOIN appeal_overview a ON a.id = w.appeal_id
      """;

  private final JdbcClient jdbc;

  private final java.time.Clock clock;

  WorkItemRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public void updateAssignee(String taskId, String assignee) {
    jdbc.sql("UPDATE work_item SET assignee = ? WHERE task_id = ?")
        .params(assignee, taskId)
        .update();
  }

  public void updateDue(String taskId, OffsetDateTime due) {
    jdbc.sql("UPDATE work_item SET due_at = ? WHERE task_id = ?").params(due, taskId).update();
  }

  public void delete(String taskId) {
    jdbc.sql("DELETE FROM work_item WHERE task_id = ?").param(taskId).update();
  }

  /**
   * The task's row as it is now: read under its appeal's lock before acting on it ({@link
   * TaskLock}), or without one to check who may act before reading their input.
   */
  public Optional<WorkItem> find(String taskId) {
    return jdbc.sql(
            "SELECT task_id, task_key, appeal_id, campaign_id, candidate_group, assignee FROM work_item WHERE task_id = ?")
        .param(taskId)
        .query(
            (rs, n) ->
                new WorkItem(
                    rs.getString("task_id"),
                    TaskKey.fromKey(rs.getString("task_key")).orElseThrow(),
                    rs.getLong("appeal_id"),
                    rs.getLong("campaign_id"),
                    rs.getString("candidate_group"),
                    rs.getString("assignee")))
        .optional();
  }

  public Optional<TaskItem> item(String taskId) {
    return jdbc.sql(ITEM_COLUMNS + " WHERE w.task_id = ?")
        .param(taskId)
        .query(WorkItemRepository::map)
        .optional();
  }

  public List<TaskItem> itemsOfAppeal(long appealId) {
    return jdbc.sql(ITEM_COLUMNS + " WHERE w.appeal_id = ? ORDER BY w.created_at")
        .param(appealId)
        .query(WorkItemRepository::map)
        .list();
  }

  /**
   * One person's day in one query: tasks assigned to them, how many of those are overdue, and how
   * many they may claim.
   */
  public Worklist.Summary summary(String username, List<String> groups) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE assignee = ?) AS mine,
                   count(*) FILTER (WHERE assignee = ? AND due_at < ?) AS mine_overdue,
                   count(*) FILTER (WHERE assignee IS NULL AND candidate_group = ANY (?)) AS claimable
              FROM work_item WHERE assignee = ? OR assignee IS NULL
            """)
        .params(
            username,
            username,
            java.time.OffsetDateTime.now(clock),
            groups.toArray(String[]::new),
            username)
        .query(Worklist.Summary.class)
        .single();
  }

  public TaskPage page(TaskFilter filter, String username, List<String> groups) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> params = new ArrayList<>();
    switch (filter.scope()) {
      case MINE -> {
        where.append(" AND w.assignee = ?");
        params.add(username);
      }
      case CLAIMABLE -> {
        where.append(" AND w.assignee IS NULL AND w.candidate_group = ANY (?)");
        params.add(groups.toArray(String[]::new));
      }
      case ALL -> {}
    }
    if (filter.campaignId() != null) {
      where.append(" AND w.campaign_id = ?");
      params.add(filter.campaignId());
    }
    if (filter.countryCode() != null) {
      where.append(" AND w.country_code = ?");
      params.add(filter.countryCode());
    }
    if (filter.taskKey() != null) {
      where.append(" AND w.task_key = ?");
      params.add(filter.taskKey());
    }
    if (filter.assignee() != null) {
      where.append(" AND w.assignee = ?");
      params.add(filter.assignee());
    }
    if (filter.overdueOnly()) {
      where.append(" AND w.due_at < ?");
      params.add(java.time.OffsetDateTime.now(clock));
    }
    String order =
        filter.sort() == TaskFilter.Sort.CREATED
            ? " ORDER BY w.created_at, w.task_id"
            : " ORDER BY w.due_at NULLS LAST, w.created_at, w.task_id";
    long total =
        jdbc.sql("SELECT count(*) FROM work_item w" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(filter.size());
    pageParams.add((long) filter.page() * filter.size());
    List<TaskItem> items =
        jdbc.sql(ITEM_COLUMNS + where + order + " LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(WorkItemRepository::map)
            .list();
    return new TaskPage(items, total, filter.page(), filter.size());
  }

  private static TaskItem map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    TaskKey key = TaskKey.fromKey(rs.getString("task_key")).orElseThrow();
    return new TaskItem(
        rs.getString("id"),
        key.key(),
        key.displayName(),
        rs.getLong("appeal_id"),
        rs.getLong("campaign_id"),
        rs.getString("campaign_title"),
        rs.getString("country_code"),
        rs.getString("country"),
        rs.getString("office"),
        org.bucn.tracker.appeal.AppealStage.valueOf(rs.getString("stage")),
        rs.getString("candidate_group"),
        rs.getString("assignee"),
        rs.getObject("created", OffsetDateTime.class),
        rs.getObject("due", OffsetDateTime.class));
  }
}
