package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first start killed at the two moments that used to leave a data directory only a person could
 * repair: the next start repairs it by itself (issue 30). The killed states are made as the kill
 * left them: a cluster whose initdb never finished, and Camunda's baseline committed in part with
 * no record of it.
 */
class FirstStartCrashTests {

  static final String[] NO_DEMO = {"tracker.demo=false", "tracker.admin-password=first-start-pw"};

  /**
   * initdb killed: files of a cluster, never started. The next start sets them aside and makes a
   * new one.
   */
  @Test
  void aClusterWhoseInitdbWasKilledIsSetAsideAndMadeAnew(@TempDir Path dataDir) throws Exception {
    Path cluster = dataDir.resolve("postgres");
    Files.createDirectories(cluster.resolve("base"));
    Files.writeString(cluster.resolve("PG_VERSION"), "17\n");
    Files.writeString(
        cluster.resolve("postgresql.conf"), "# written by an initdb that was killed\n");
    try (ConfigurableApplicationContext app = start(dataDir)) {
      assertThat(app.getBean(UserService.class).find("admin")).isPresent();
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("postgres.unfinished-"));
    }
  }

  /**
   * Killed during Camunda's baseline: some of the engine's tables, no record of them. The next
   * start migrates from the start.
   */
  @Test
  void aFirstMigrationKilledHalfwayStartsOverWhole(@TempDir Path dataDir) throws Exception {
    try (EmbeddedPostgres half = StandaloneStarts.bareServer(dataDir).start();
        Connection c = half.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE act_ge_property (name_ varchar(64) PRIMARY KEY, value_ varchar(300), rev_ integer)");
    }
    try (ConfigurableApplicationContext app = start(dataDir)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("SELECT count(*) FROM databasechangelog WHERE id = '7.16.0-baseline'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(app.getBean(UserService.class).find("admin")).isPresent();
    }
  }

  /**
   * Killed while the demo's story was told on the database that start made: the story begun, never
   * finished. The next start makes the database anew and the demo whole.
   */
  @Test
  void aDemoCutOffOnTheFirstRunIsMadeWholeAtTheNext(@TempDir Path dataDir) throws Exception {
    try (EmbeddedPostgres half = StandaloneStarts.bareServer(dataDir).start();
        Connection c = half.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE TABLE first_start_demo (id smallint PRIMARY KEY, began_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz);
          INSERT INTO first_start_demo (id) VALUES (1);
          CREATE TABLE campaign (id bigserial PRIMARY KEY, title text);
          INSERT INTO campaign (title) VALUES ('Half of the demo, cut off');
          """);
    }
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start("tracker.data-dir=" + dataDir, "tracker.demo=true")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT title FROM campaign").query(String.class).list())
          .doesNotContain("Half of the demo, cut off")
          .hasSize(2);
      assertThat(
              jdbc.sql("SELECT count(*) FROM first_start_demo WHERE finished_at IS NOT NULL")
                  .query(Long.class)
                  .single())
          .as("the story told to its end")
          .isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return StandaloneStarts.start("tracker.data-dir=" + dataDir, NO_DEMO[0], NO_DEMO[1]);
  }
}
