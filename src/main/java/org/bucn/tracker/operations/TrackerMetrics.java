package org.bucn.tracker.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.notification.MailBacklog;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracker's own figures for Prometheus ({@code /actuator/prometheus}): open and overdue tasks,
 * appeals by stage, the mail outbox by state and failed engine jobs. One snapshot serves every
 * series of a scrape and is reused for {@link #FRESH}, so a scrape costs three cheap queries, not
 * one per series. The job executor's own counters (acquired, executed, failed) are this node's.
 */
@Component
class TrackerMetrics implements MeterBinder {

  static final Duration FRESH = Duration.ofSeconds(10);

  record Snapshot(
      Map<String, Long> openTasks,
      long overdueTasks,
      Map<AppealStage, Long> appeals,
      Map<String, Long> outbox,
      long failedJobs,
      Instant takenAt) {}

  private final JdbcClient jdbc;
  private final MailBacklog mails;
  private final ManagementService management;
  private final ProcessEngine engine;
  private final Clock clock;
  private final AtomicReference<Snapshot> last = new AtomicReference<>();

  TrackerMetrics(
      JdbcClient jdbc,
      MailBacklog mails,
      ManagementService management,
      ProcessEngine engine,
      Clock clock) {
    this.jdbc = jdbc;
    this.mails = mails;
    this.management = management;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (TaskKey key : TaskKey.values()) {
      Gauge.builder(
              "tracker.open.tasks", this, m -> m.snapshot().openTasks().getOrDefault(key.key(), 0L))
          .description("Open tasks of each kind")
          .tag("task_key", key.key())
          .register(registry);
    }
    Gauge.builder("tracker.overdue.tasks", this, m -> m.snapshot().overdueTasks())
        .description("Open tasks past their due date")
        .register(registry);
    for (AppealStage stage : AppealStage.values()) {
      Gauge.builder("tracker.appeals", this, m -> m.snapshot().appeals().getOrDefault(stage, 0L))
          .description("Appeals in each stage")
          .tag("stage", stage.name())
          .register(registry);
    }
    for (String state : MailBacklog.STATES) {
      Gauge.builder("tracker.mail.outbox", this, m -> m.snapshot().outbox().getOrDefault(state, 0L))
          .description("Mails in the outbox by state")
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("tracker.failed.jobs", this, m -> m.snapshot().failedJobs())
        .description("Engine jobs with no retries left (see the operations page)")
        .register(registry);

    var engineMetrics =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getMetricsRegistry();
    Map<String, String> jobCounters =
        Map.of(
            "camunda.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS,
            "camunda.jobs.executed", Metrics.JOB_SUCCESSFUL,
            "camunda.jobs.failed", Metrics.JOB_FAILED);
    jobCounters.forEach(
        (name, meter) ->
            FunctionCounter.builder(name, engineMetrics, r -> r.getDbMeterByName(meter).get())
                .description(
                    "Jobs the engine's job executor "
                        + name.substring("camunda.jobs.".length())
                        + " on this node")
                .register(registry));
  }

  Snapshot snapshot() {
    Snapshot current = last.get();
    if (current == null || current.takenAt().plus(FRESH).isBefore(clock.instant())) {
      current = take();
      last.set(current);
    }
    return current;
  }

  /** The next scrape counts afresh (tests, after a known fixture). */
  void forget() {
    last.set(null);
  }

  private Snapshot take() {
    Map<String, Long> open = new HashMap<>();
    long[] overdue = {0};
    Map<AppealStage, Long> stages = new EnumMap<>(AppealStage.class);
    jdbc.sql(
            """
            SELECT 'task' AS kind, task_key AS key, count(*) AS n, count(*) FILTER (WHERE due_at < ?) AS late
              FROM open_task GROUP BY task_key
            UNION ALL
            SELECT 'stage', stage, count(*), 0 FROM appeal_overview GROUP BY stage
            """)
        .param(java.time.OffsetDateTime.now(clock))
        .query(
            (rs, n) -> {
              if (rs.getString("kind").equals("task")) {
                open.put(rs.getString("key"), rs.getLong("n"));
                overdue[0] += rs.getLong("late");
              } else {
                stages.put(AppealStage.valueOf(rs.getString("key")), rs.getLong("n"));
              }
              return null;
            })
        .list();
    return new Snapshot(
        open,
        overdue[0],
        stages,
        mails.byState(),
        management.createJobQuery().noRetriesLeft().count(),
        clock.instant());
  }
}
