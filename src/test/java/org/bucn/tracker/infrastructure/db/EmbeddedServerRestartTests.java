package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL killed under a running tracker comes back by itself; before, every
 * request answered 503 until a person restarted the tracker (issue 30).
 */
class EmbeddedServerRestartTests {

  @Test
  void aKilledEmbeddedServerIsStartedAgainAndTheTrackerGoesOn(@TempDir Path dataDir)
      throws Exception {
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=restart-pw",
            "tracker.database-watch=PT0.5S")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      jdbc.sql("UPDATE app_user SET display_name = 'Before the kill' WHERE username = 'admin'")
          .update();
      Path pidFile = dataDir.resolve("postgres/postmaster.pid");
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
      postmaster.destroyForcibly(); // kill -9 of the server alone
      await().atMost(Duration.ofSeconds(10)).until(() -> !postmaster.isAlive());

      long down = System.nanoTime();
      await("the tracker to reach its database again")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> jdbc.sql("SELECT 1").query(Integer.class).single() == 1);
      System.out.printf(
          "The embedded server, killed, answered again after %.1f s%n",
          (System.nanoTime() - down) / 1e9);
      long again = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      assertThat(again).isNotEqualTo(pid);
      assertThat(app.getBean(UserService.class).find("admin").orElseThrow().displayName())
          .as("what was committed before the kill")
          .isEqualTo("Before the kill");
    }
  }
}
