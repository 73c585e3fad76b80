package org.bucn.tracker.attention;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskFilter;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskPage;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.attention.Attention.CampaignProgress;
import org.bucn.tracker.attention.Attention.DeliveryFailure;
import org.bucn.tracker.attention.Attention.Line;
import org.bucn.tracker.attention.Attention.PersonOverdue;
import org.bucn.tracker.attention.Attention.Portfolio;
import org.bucn.tracker.attention.Attention.Slipping;
import org.bucn.tracker.cosigning.CoSignatures;
import org.bucn.tracker.dashboard.Dashboard;
import org.bucn.tracker.dashboard.DashboardService;
import org.bucn.tracker.inbox.Replies;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together what needs each role now (the start page and {@code GET /api/me/attention}). */
@Service
public class AttentionService {

  static final int LINES = 10;

  private final Worklist worklist;
  private final DashboardService dashboards;
  private final Replies replies;
  private final People people;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final CoSignatures coSignatures;

  AttentionService(
      Worklist worklist,
      DashboardService dashboards,
      Replies replies,
      People people,
      JdbcClient jdbc,
      Clock clock,
      CoSignatures coSignatures) {
    this.coSignatures = coSignatures;
    this.worklist = worklist;
    this.dashboards = dashboards;
    this.replies = replies;
    this.people = people;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Attention of(Actor actor) {
    Function<TaskItem, Line> line = this::line;
    if (actor.has(Role.COORDINATOR)) {
      List<Line> escalations =
          worklist
              .list(filter(TaskFilter.Scope.ALL, TaskKey.ESCALATE_NO_RESPONSE), actor)
              .items()
              .stream()
              .map(line)
              .toList();
      List<Line> reviews =
          worklist.list(filter(TaskFilter.Scope.ALL, TaskKey.REVIEW_APPEAL), actor).items().stream()
              .map(line)
              .toList();
      TaskPage unassigned =
          worklist.list(
              new TaskFilter(
                  TaskFilter.Scope.CLAIMABLE,
                  null,
                  null,
                  null,
                  null,
                  false,
                  TaskFilter.Sort.DUE,
                  0,
                  LINES),
              actor);
      return new Attention(
          "COORDINATOR",
          escalations,
          reviews,
          overdueByAssignee(),
          unassigned.total(),
          unassigned.items().stream().map(line).toList(),
          deliveryFailures(),
          replies.unmatched().size(),
          coSignatures.awaitingApproval(),
          campaigns(),
          List.of(),
          List.of(),
          null,
          List.of());
    }
    if (actor.has(Role.ADVOCATE)) {
      List<Line> mine =
          worklist
              .list(
                  new TaskFilter(
                      TaskFilter.Scope.MINE,
                      null,
                      null,
                      null,
                      null,
                      false,
                      TaskFilter.Sort.DUE,
                      0,
                      50),
                  actor)
              .items()
              .stream()
              .map(line)
              .toList();
      List<Line> claimable =
          worklist
              .list(
                  new TaskFilter(
                      TaskFilter.Scope.CLAIMABLE,
                      null,
                      null,
                      null,
                      null,
                      false,
                      TaskFilter.Sort.DUE,
                      0,
                      LINES),
                  actor)
              .items()
              .stream()
              .map(line)
              .toList();
      return new Attention(
          "ADVOCATE",
          List.of(),
          List.of(),
          List.of(),
          0,
          List.of(),
          List.of(),
          0,
          List.of(),
          List.of(),
          mine,
          claimable,
          null,
          List.of());
    }
    Dashboard portfolio = dashboards.portfolio();
    return new Attention(
        actor.has(Role.MANAGER) ? "MANAGER" : "ADMIN",
        List.of(),
        List.of(),
        List.of(),
        0,
        List.of(),
        List.of(),
        0,
        List.of(),
        campaigns(),
        List.of(),
        List.of(),
        new Portfolio(
            portfolio.appeals(),
            portfolio.submitted(),
            portfolio.responded(),
            portfolio.responseRate(),
            portfolio.medianDaysToResponse()),
        slipping());
  }

  /** Oldest first, the first {@value #LINES}. */
  private static TaskFilter filter(TaskFilter.Scope scope, TaskKey key) {
    return new TaskFilter(
        scope, null, null, key.key(), null, false, TaskFilter.Sort.CREATED, 0, LINES);
  }

  private Line line(TaskItem t) {
    boolean overdue = t.due() != null && t.due().toInstant().isBefore(clock.instant());
    return new Line(
        t.id(),
        t.taskKey(),
        t.name(),
        t.appealId(),
        t.countryCode(),
        t.country(),
        t.office(),
        t.assignee(),
        t.assignee() == null ? null : people.name(t.assignee()),
        t.created(),
        t.due(),
        overdue,
        "/tasks/" + t.id());
  }

  /**
   * Every overdue open task counted once, by who holds it (nobody's last among equals), most first.
   */
  private List<PersonOverdue> overdueByAssignee() {
    return jdbc.sql(
            """
            SELECT assignee, count(*) AS overdue FROM open_task WHERE due_at < ?
             GROUP BY assignee ORDER BY overdue DESC, assignee NULLS LAST
            """)
        .param(java.time.OffsetDateTime.now(clock))
        .query(
            (rs, n) -> {
              String assignee = rs.getString("assignee");
              return new PersonOverdue(
                  assignee,
                  assignee == null ? null : people.name(assignee),
                  rs.getLong("overdue"),
                  assignee == null
                      ? "/tasks?tab=claimable&overdue=true"
                      : "/tasks?tab=all&overdue=true&assignee=" + assignee);
            })
        .list();
  }

  /** Letters refused for good whose appeal has not sent them again since. */
  private List<DeliveryFailure> deliveryFailures() {
    return jdbc.sql(
            """
            SELECT d.appeal_id, a.country_code, a.country, a.office, d.recipient, d.last_error FROM mail_delivery d
              JOIN appeal_overview a ON a.id = d.appeal_id
             WHERE d.status = 'FAILED'
               AND NOT EXISTS (SELECT 1 FROM mail_delivery later WHERE later.appeal_id = d.appeal_id AND later.created_at > d.created_at)
             ORDER BY d.created_at DESC LIMIT 20
            """)
        .query(
            (rs, n) ->
                new DeliveryFailure(
                    rs.getLong("appeal_id"),
                    rs.getString("country_code"),
                    rs.getString("country"),
                    rs.getString("office"),
                    rs.getString("recipient"),
                    rs.getString("last_error"),
                    "/appeals/" + rs.getLong("appeal_id") + "#delivery"))
        .list();
  }

  /** Every active campaign's appeals by stage, newest first. */
  private List<CampaignProgress> campaigns() {
    record StageCount(long id, String title, AppealStage stage, long appeals) {}
    List<StageCount> counts =
        jdbc.sql(
                """
            SELECT c.id, c.title, a.stage, count(a.id) AS appeals FROM campaign_directory c
              JOIN appeal_overview a ON a.campaign_id = c.id
             WHERE c.status = 'ACTIVE' GROUP BY c.id, c.title, a.stage ORDER BY c.id DESC
            """)
            .query(StageCount.class)
            .list();
    Map<Long, List<StageCount>> byCampaign =
        counts.stream()
            .collect(
                Collectors.groupingBy(StageCount::id, LinkedHashMap::new, Collectors.toList()));
    return byCampaign.values().stream()
        .map(
            stages -> {
              Map<AppealStage, Long> byStage = new EnumMap<>(AppealStage.class);
              stages.forEach(c -> byStage.put(c.stage(), c.appeals()));
              StageCount first = stages.get(0);
              return new CampaignProgress(
                  first.id(),
                  first.title(),
                  stages.stream().mapToLong(StageCount::appeals).sum(),
                  byStage,
                  "/campaigns/" + first.id());
            })
        .toList();
  }

  /** The campaigns with the most overdue open tasks. */
  private List<Slipping> slipping() {
    return jdbc.sql(
            """
            SELECT c.id, c.title, count(*) AS overdue FROM open_task t JOIN campaign_directory c ON c.id = t.campaign_id
             WHERE t.due_at < ? GROUP BY c.id, c.title ORDER BY overdue DESC, c.id LIMIT 5
            """)
        .param(java.time.OffsetDateTime.now(clock))
        .query(
            (rs, n) ->
                new Slipping(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getLong("overdue"),
                    "/campaigns/" + rs.getLong("id") + "/dashboard"))
        .list();
  }
}
