package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.Hashes;
import org.bucn.tracker.user.ApiTokens;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Backup and restore as docs/operations.md says them (issue 30): a running tracker is backed up
 * with the documented command, the backup becomes a fresh data directory, and the tracker started
 * on it has every appeal, open task, evidence file and pending timer, and goes on from there.
 */
@TrackerTest
class BackupRestoreTests {

  @Autowired CampaignDrill drill;
  @Autowired JdbcClient jdbc;
  @Autowired ApiTokens tokens;
  @Autowired MockMvc mvc;
  @Autowired DataSource database;
  @LocalServerPort int port;

  @Test
  void aBackupOfTheRunningTrackerRestoresIntoAFreshDataDirectoryThatGoesOn(@TempDir Path dir)
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P30D", 2, "P60D", "RS", "HR");
    long submitted = drill.appeal(campaign, "RS");
    long drafting = drill.appeal(campaign, "HR");
    drill.draftAndApprove(submitted);
    drill.submit(submitted, LocalDate.now().toString());
    drill.awaitTask(drafting, TaskKey.DRAFT_APPEAL);
    byte[] scan = ("a scanned reply " + System.nanoTime()).getBytes();
    mvc.perform(
            MockMvcRequestBuilders.multipart("/api/appeals/" + submitted + "/evidence")
                .file(new MockMultipartFile("file", "reply.pdf", "application/pdf", scan))
                .param("kind", "OTHER")
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf()))
        .andExpect(status().isCreated());
    String timer = followUpTimer(jdbc, submitted);
    Date timerDue =
        jdbc.sql("SELECT duedate_ FROM act_ru_job WHERE id_ = ?")
            .param(timer)
            .query(Date.class)
            .single();
    DatabaseFacts before = DatabaseFacts.of(database);

    // The documented command: curl -H "Authorization: Bearer …" …/api/admin/backup -o backup.tar.gz
    String token =
        tokens.create("admin", "nightly backup", OffsetDateTime.now().plusDays(1)).token();
    Path backup = dir.resolve("tracker-backup.tar.gz");
    // Writes go on while the backup is taken: rows numbered one by one, each in its own commit.
    jdbc.sql("CREATE SCHEMA backup_probe").update();
    jdbc.sql("CREATE TABLE backup_probe.line (n int PRIMARY KEY, body text)").update();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              for (int n = 1; writing.get(); n++) {
                jdbc.sql("INSERT INTO backup_probe.line VALUES (?, repeat('x', 2000))")
                    .param(n)
                    .update();
              }
            });
    HttpResponse<Path> response;
    try {
      writer.start();
      await()
          .until(
              () ->
                  jdbc.sql("SELECT count(*) FROM backup_probe.line").query(Long.class).single()
                      > 100);
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/api/admin/backup"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofFile(backup));
    } finally {
      writing.set(false);
      writer.join();
    }
    long written = jdbc.sql("SELECT count(*) FROM backup_probe.line").query(Long.class).single();
    jdbc.sql("DROP SCHEMA backup_probe CASCADE").update();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/gzip");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "tracker-backup-", ".tar.gz");
    System.out.printf("Backup of the test database: %,d bytes%n", Files.size(backup));

    Path restored = dir.resolve("restored");
    String[] settings = {
      "tracker.data-dir=" + restored, "tracker.restore-from=" + backup, "tracker.demo=false"
    };
    try (ConfigurableApplicationContext second = StandaloneStarts.start(settings)) {
      JdbcClient there = second.getBean(JdbcClient.class);
      Map<String, Object> probe =
          there
              .sql("SELECT count(*) AS rows, max(n) AS last FROM backup_probe.line")
              .query()
              .singleRow();
      System.out.printf(
          "Rows written during the backup: %d; in the restored copy: %s%n", written, probe);
      assertThat(((Number) probe.get("rows")).longValue())
          .as("every row committed up to the backup's end is there, none missing in between")
          .isPositive()
          .isEqualTo(((Number) probe.get("last")).longValue());
      DatabaseFacts after = DatabaseFacts.of(second.getBean(DataSource.class));
      assertThat(after.appeals().keySet()).containsAll(before.appeals().keySet());
      assertThat(after.appeals().get(submitted)).isEqualTo(before.appeals().get(submitted));
      assertThat(after.appeals().get(drafting)).isEqualTo(before.appeals().get(drafting));
      assertThat(after.users()).containsAll(before.users());
      Set<String> drillTasks =
          Set.copyOf(
              jdbc.sql(
                      """
                      SELECT t.id_ FROM act_ru_task t JOIN appeal a ON a.process_instance_id = t.proc_inst_id_
                       WHERE a.campaign_id = ?
                      """)
                  .param(campaign.id())
                  .query(String.class)
                  .list());
      assertThat(after.openTasks())
          .as("the drill's open tasks")
          .containsAllEntriesOf(
              before.openTasks().entrySet().stream()
                  .filter(task -> drillTasks.contains(task.getKey()))
                  .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
      assertThat(after.evidence()).containsAllEntriesOf(before.evidence());
      // Every file's bytes, hashed again, are what was recorded.
      there
          .sql(
              "SELECT e.sha256, c.bytes FROM evidence e JOIN evidence_content c ON c.evidence_id = e.id")
          .query(
              (rs, n) -> {
                assertThat(Hashes.sha256(rs.getBytes(2))).isEqualTo(rs.getString(1).strip());
                return null;
              })
          .list();
      assertThat(
              there
                  .sql("SELECT duedate_ FROM act_ru_job WHERE id_ = ?")
                  .param(timer)
                  .query(Date.class)
                  .single())
          .as("the pending follow-up timer, due as before")
          .isEqualTo(timerDue);

      // It goes on: the timer fires in the restored tracker (made due now), and the drafting
      // appeal's task is worked there.
      second.getBean(ManagementService.class).setJobDuedate(timer, new Date());
      CampaignDrill restoredDrill =
          second.getAutowireCapableBeanFactory().createBean(CampaignDrill.class);
      restoredDrill.awaitTask(submitted, TaskKey.FOLLOW_UP);
      restoredDrill.complete(
          drafting,
          TaskKey.DRAFT_APPEAL,
          CampaignDrill.ADVOCATE,
          Map.of("text", "Your Excellency, ...", "language", "hr"));
      restoredDrill.awaitTask(drafting, TaskKey.REVIEW_APPEAL);
      assertThat(drill.openTask(drafting, TaskKey.DRAFT_APPEAL))
          .as("the running tracker's own appeal is untouched by its restored copy")
          .isPresent();
    }

    // The setting may stay after the restore: the next start uses the restored directory.
    try (ConfigurableApplicationContext again = StandaloneStarts.start(settings)) {
      assertThat(
              again
                  .getAutowireCapableBeanFactory()
                  .createBean(CampaignDrill.class)
                  .openTask(drafting, TaskKey.REVIEW_APPEAL))
          .as("what was done in the restored tracker is still there")
          .isPresent();
    }
  }

  @Test
  void aRestoreNeverReplacesADatabaseNorTakesAnythingButABackup(@TempDir Path dir)
      throws Exception {
    Path cluster = dir.resolve("data/postgres");
    Files.createDirectories(cluster);
    Files.writeString(cluster.resolve("PG_VERSION"), "17\n");
    Path archive = dir.resolve("backup.tar.gz");
    Files.write(archive, new byte[] {31, -117, 8, 0});
    assertThatThrownBy(() -> DatabaseRestore.restoreIfAsked(archive, dir.resolve("data")))
        .hasMessageContaining("already holds a database")
        .hasMessageContaining("Nothing was changed");
    assertThat(Files.readString(cluster.resolve("PG_VERSION"))).isEqualTo("17\n");

    Path empty = dir.resolve("empty");
    assertThatThrownBy(() -> DatabaseRestore.restoreIfAsked(archive, empty))
        .hasMessageContaining("Could not restore from");
    assertThat(empty.resolve("postgres")).doesNotExist();
    assertThat(empty.resolve("postgres.restoring")).doesNotExist();
  }

  private static String followUpTimer(JdbcClient jdbc, long appealId) {
    return jdbc
        .sql(
            """
            SELECT j.id_ FROM act_ru_job j JOIN appeal a ON a.process_instance_id = j.process_instance_id_
             WHERE a.id = ? AND j.type_ = 'timer'
            """)
        .param(appealId)
        .query(String.class)
        .list()
        .stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no timer pending for appeal " + appealId));
  }
}
