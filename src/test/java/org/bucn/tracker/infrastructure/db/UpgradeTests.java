package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every change set is checked against a release's real data, not only an empty database (issue 30):
 * the data directory of an earlier release, run once in demo mode and stopped
 * (scripts/make-upgrade-fixture.sh), is restored and the current code started on it. Its appeals,
 * users, evidence, open tasks and timers survive the migration, a task opened under the old release
 * is worked, and a timer set under it fires.
 */
class UpgradeTests {

  /** The release the fixture was made from; replace it with each release cut. */
  static final Path RELEASE = Path.of("src/test/resources/upgrade/022fc12.tar.gz");

  @Test
  void theLastReleasesDataSurvivesTheMigrationAndGoesOn(@TempDir Path dataDir) throws Exception {
    DatabaseRestore.restoreIfAsked(RELEASE, dataDir);
    DatabaseFacts before;
    // The release's database as it left it, before any change set of this code ran.
    EmbeddedPostgres.Builder server = StandaloneStarts.bareServer(dataDir);
    Path password = dataDir.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
    if (Files.exists(password)) {
      server.setConnectConfig("password", Files.readString(password).strip());
    }
    try (EmbeddedPostgres old = server.start()) {
      before = DatabaseFacts.of(old.getPostgresDatabase());
    }
    System.out.printf(
        "Release %s: %d appeals, %d users, %d evidence files, %d open tasks, %d timers%n",
        RELEASE.getFileName(),
        before.appeals().size(),
        before.users().size(),
        before.evidence().size(),
        before.openTasks().size(),
        before.timers().size());
    assertThat(before.appeals()).as("the fixture holds a demo").hasSizeGreaterThan(5);
    assertThat(before.openTasks()).isNotEmpty();
    assertThat(before.timers()).isNotEmpty();

    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "tracker.data-dir=" + dataDir,
            "tracker.restore-from=" + RELEASE.toAbsolutePath(),
            "tracker.demo=false")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      DataSource database = app.getBean(DataSource.class);
      DatabaseFacts after = DatabaseFacts.of(database);
      assertThat(after.appeals()).containsAllEntriesOf(before.appeals());
      assertThat(after.users()).containsAll(before.users());
      assertThat(after.evidence()).containsAllEntriesOf(before.evidence());
      assertThat(after.openTasks()).containsAllEntriesOf(before.openTasks());
      assertThat(after.timers()).containsAllEntriesOf(before.timers());
      assertThat(app.getBean(UserService.class).find("coordinator")).isPresent();

      // A task the old release opened is worked under this one.
      Map.Entry<String, Long> draft =
          jdbc.sql(
                  """
                  SELECT t.id_, a.id FROM act_ru_task t JOIN appeal a ON a.process_instance_id = t.proc_inst_id_
                   WHERE t.task_def_key_ = 'Task_DraftAppeal' ORDER BY a.id LIMIT 1
                  """)
              .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .single();
      TaskItem task =
          app.getBean(Worklist.class).openTasksOfAppeal(draft.getValue()).stream()
              .filter(t -> t.id().equals(draft.getKey()))
              .findFirst()
              .orElseThrow();
      Actor advocate =
          new Actor(task.assignee() != null ? task.assignee() : "advocate", Set.of(Role.ADVOCATE));
      if (task.assignee() == null) {
        app.getBean(org.bucn.tracker.appeal.step.TaskAssignments.class).claim(task.id(), advocate);
      }
      app.getBean(Steps.class)
          .complete(
              task.id(),
              app.getBean(TaskInputs.class)
                  .fromFields(
                      TaskKey.DRAFT_APPEAL,
                      Map.of("text", "Your Excellency, ...", "language", "sr")),
              advocate);
      await("the review the completed draft opens")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  app.getBean(Worklist.class).openTasksOfAppeal(draft.getValue()).stream()
                      .anyMatch(t -> t.taskKey().equals(TaskKey.REVIEW_APPEAL.key())));

      // A follow-up timer set under the old release fires under this one (made due now).
      Map.Entry<String, Long> timer =
          jdbc.sql(
                  """
                  SELECT j.id_, a.id FROM act_ru_job j
                    JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                    JOIN appeal a ON a.process_instance_id = j.process_instance_id_
                   WHERE j.type_ = 'timer' AND d.act_id_ = 'Event_FollowUpDue' ORDER BY a.id LIMIT 1
                  """)
              .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .single();
      assertThat(before.timers()).containsKey(timer.getKey());
      app.getBean(ManagementService.class).setJobDuedate(timer.getKey(), new Date());
      await("the follow-up the old timer opens")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  app.getBean(Worklist.class).openTasksOfAppeal(timer.getValue()).stream()
                      .anyMatch(t -> t.taskKey().equals(TaskKey.FOLLOW_UP.key())));
      List<String> incidents =
          jdbc.sql("SELECT incident_msg_ FROM act_ru_incident").query(String.class).list();
      assertThat(incidents).as("no step of the old processes failed").isEmpty();
    }
  }
}
