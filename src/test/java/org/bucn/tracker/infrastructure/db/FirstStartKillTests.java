package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start killed for real (kill -9 of its JVM) at the two moments that used to leave a data
 * directory only a person could repair, each on a fresh data directory: during {@code initdb}, and
 * during Camunda's baseline change set. The start after each comes up by itself. {@link
 * FirstStartCrashTests} makes each killed state exactly; this one kills.
 */
class FirstStartKillTests {

  @Test
  void aFirstStartKilledDuringInitdbComesUpAtTheNext(@TempDir Path dataDir) throws Exception {
    Path cluster = dataDir.resolve("postgres");
    boolean inInitdb =
        killWhen(
            dataDir,
            "initdb",
            true,
            () ->
                Files.isDirectory(cluster.resolve("base"))
                    && !Files.exists(cluster.resolve("postmaster.opts")));
    assertThat(inInitdb).as("killed while initdb wrote the cluster").isTrue();
    assertComesUp(dataDir);
  }

  /**
   * The baseline's moment lasts milliseconds (its tables committed, its record not yet): made three
   * seconds long by a trigger the test puts on Liquibase's record of the baseline, installed by an
   * event trigger before the first start so that it exists when Liquibase makes its table.
   */
  @Test
  void aFirstStartKilledDuringTheEnginesBaselineComesUpAtTheNext(@TempDir Path dataDir)
      throws Exception {
    try (EmbeddedPostgres fresh = StandaloneStarts.bareServer(dataDir).start();
        Connection c = fresh.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE FUNCTION slow_baseline_record() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.id = '7.16.0-baseline' THEN PERFORM pg_sleep(3); END IF;
            RETURN NEW;
          END $$;
          CREATE FUNCTION slow_baseline_install() RETURNS event_trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF to_regclass('public.databasechangelog') IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'slow_baseline_record') THEN
              CREATE TRIGGER slow_baseline_record BEFORE INSERT ON public.databasechangelog
                FOR EACH ROW EXECUTE FUNCTION slow_baseline_record();
            END IF;
          END $$;
          CREATE EVENT TRIGGER slow_baseline_install ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
            EXECUTE FUNCTION slow_baseline_install();
          """);
    }
    boolean inBaseline =
        killWhen(dataDir, "the baseline change set", false, () -> baselineHalfDone(dataDir));
    assertThat(inBaseline)
        .as("killed with the engine's baseline tables committed and no record of them")
        .isTrue();
    assertComesUp(dataDir);
  }

  private static void assertComesUp(Path dataDir) {
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=first-start-pw")) {
      assertThat(app.getBean(UserService.class).find("admin")).isPresent();
    }
  }

  /**
   * Starts the tracker in a JVM of its own and kills it (-9) once the moment has come; with {@code
   * everything}, its child processes too, as a power cut or the OOM killer of the whole group does
   * (initdb would otherwise finish the cluster by itself).
   */
  private static boolean killWhen(
      Path dataDir, String moment, boolean everything, BooleanSupplier now) throws Exception {
    Path log = dataDir.resolve("killed-" + moment.replace(' ', '-') + ".log");
    List<String> command =
        StandaloneStarts.ownJvm(
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=first-start-pw",
            "tracker.postgres-binaries=target/postgres-binaries");
    Process start =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AtomicBoolean hit = new AtomicBoolean();
    try {
      await("the moment: " + moment)
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () -> {
                if (now.getAsBoolean()) {
                  if (everything) {
                    start.descendants().forEach(ProcessHandle::destroyForcibly);
                  }
                  start.destroyForcibly();
                  hit.set(true);
                  return true;
                }
                return !start.isAlive() || started(log);
              });
    } finally {
      start.destroyForcibly();
      start.waitFor();
    }
    // Without everything, the database server the killed JVM started is left running: the next
    // start's to stop.
    return hit.get();
  }

  private static boolean started(Path log) throws Exception {
    return Files.exists(log) && Files.readString(log).contains("Started TrackerApplication");
  }

  /** Some of the engine's tables are there and the baseline is not recorded. */
  private static boolean baselineHalfDone(Path dataDir) {
    Path pid = dataDir.resolve("postgres/postmaster.pid");
    Path password = dataDir.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
    try {
      if (!Files.exists(pid) || !Files.exists(password)) {
        return false;
      }
      List<String> lines = Files.readAllLines(pid);
      if (lines.size() < 4) {
        return false;
      }
      String url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
      try (Connection c =
              DriverManager.getConnection(url, "postgres", Files.readString(password).strip());
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  """
                  SELECT to_regclass('public.act_ge_property') IS NOT NULL
                     AND (to_regclass('public.databasechangelog') IS NULL
                          OR NOT EXISTS (SELECT 1 FROM databasechangelog WHERE id = '7.16.0-baseline'))
                  """)) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (Exception notYet) {
      return false;
    }
  }
}
