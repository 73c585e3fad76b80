package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** A crash of the JVM, at any moment, never needs a person before the next start. */
class CrashRecoveryTests {

  @Test
  void afterTheJvmIsKilledTheNextStartStopsTheLeftoverDatabaseAndComesUp(@TempDir Path dataDir)
      throws Exception {
    String[] settings = {
      "tracker.data-dir=" + dataDir, "tracker.demo=false", "tracker.admin-password=first-admin-pw"
    };
    Path log = dataDir.resolve("first-run.log");
    Process first =
        new ProcessBuilder(StandaloneStarts.ownJvm(settings))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await("the first run to start")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Files.readString(log).contains("Started TrackerApplication") || !first.isAlive());
      assertThat(first.isAlive())
          .as("first run alive; its log:%n%s", Files.readString(log))
          .isTrue();
    } finally {
      first.destroyForcibly(); // kill -9: no shutdown hook, no chance to stop PostgreSQL
      first.waitFor();
    }
    long postmasterPid =
        Long.parseLong(
            Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    Optional<ProcessHandle> leftover =
        ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive);
    assertThat(leftover)
        .as("the killed run's PostgreSQL outlives it (the fault this guards against)")
        .isPresent();

    long restarting = System.nanoTime();
    try (ConfigurableApplicationContext second = StandaloneStarts.start(settings)) {
      System.out.printf(
          "Restart after kill -9: up in %.1f s; phases: %s%n",
          (System.nanoTime() - restarting) / 1e9, StartPhases.lastStart());
      assertThat(StartPhases.lastStart())
          .as("the start says where its time went")
          .containsKeys(
              "a crashed run's database server stopped",
              "database server started (crash recovery included)",
              "schema checked and migrated",
              "process engine built");
      assertThat(leftover.get().isAlive()).as("leftover postmaster stopped").isFalse();
      assertThat(second.getBean(UserService.class).find("admin")).isPresent();
      assertThat(second.getBean(TargetService.class).findAll()).isEmpty();
    } finally {
      leftover.get().destroyForcibly();
    }
  }

  /**
   * A start killed during its first migration used to leave Liquibase's lock row set, and every
   * later start waited five minutes for it and gave up. The lock is now a session advisory lock.
   */
  @Test
  void aLockRowLeftByAKilledMigrationDoesNotBlockTheNextStart(@TempDir Path dir) throws Exception {
    try (EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .start()) {
      try (Connection c = server.getPostgresDatabase().getConnection()) {
        c.createStatement()
            .execute(
                """
            CREATE TABLE databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255));
            INSERT INTO databasechangeloglock VALUES (1, true, now(), 'a start killed during its migration');
            """);
      }
      try (ConfigurableApplicationContext app =
          StandaloneStarts.onServer(server, dir.resolve("unused"), "first-admin-pw")) {
        // With Liquibase's lock table this start waited five minutes for the row and failed.
        assertThat(app.getBean(UserService.class).find("admin")).isPresent();
      }
    }
  }
}
