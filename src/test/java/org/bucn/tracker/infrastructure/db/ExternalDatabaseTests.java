package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The production path: the tracker on a PostgreSQL server that it did not start itself. */
class ExternalDatabaseTests {

  static EmbeddedPostgres server;

  @BeforeAll
  static void startServer(@TempDir Path dir) throws Exception {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("external"))
            .setCleanDataDirectory(true)
            .start();
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE tracker_a");
      c.createStatement().execute("CREATE DATABASE tracker_b");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void usesTheConfiguredServerWithoutDemoDataAndCreatesTheFirstAdmin(@TempDir Path unusedDataDir)
      throws Exception {
    String url = server.getJdbcUrl("postgres", "tracker_a");
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "spring.datasource.url=" + url,
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "tracker.data-dir=" + unusedDataDir,
            "tracker.admin-password=first-admin-pw")) {
      assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
      UserService users = app.getBean(UserService.class);
      assertThat(users.find("admin"))
          .hasValueSatisfying(admin -> assertThat(admin.roles()).containsExactly(Role.ADMIN));
      assertThat(users.find("coordinator")).isEmpty();
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("SELECT count(*) FROM target")
                  .query(Long.class)
                  .single())
          .isZero();
    }
    DataSource external = server.getDatabase("postgres", "tracker_a");
    try (Connection c = external.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM act_ge_schema_log WHERE version_ = '7.24.0'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    assertThat(unusedDataDir.resolve("postgres")).doesNotExist();
  }

  @Test
  void refusesToStartWhenNobodyCouldLogIn() {
    String url = server.getJdbcUrl("postgres", "tracker_b");
    assertThatThrownBy(
            () ->
                StandaloneStarts.start(
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=postgres",
                    "spring.datasource.password="))
        .hasStackTraceContaining("TRACKER_ADMIN_PASSWORD");
  }

  @Test
  void refusesDemoModeOnARealDatabaseSayingWhy(@TempDir Path unusedDataDir) throws Exception {
    String url = server.getJdbcUrl("postgres", "tracker_b");
    assertThatThrownBy(
            () ->
                StandaloneStarts.start(
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=",
                    "tracker.data-dir=" + unusedDataDir,
                    "tracker.demo=true",
                    "tracker.admin-password=given-admin-pw"))
        .hasStackTraceContaining("TRACKER_DEMO=true is refused with an external database");
    try (Connection c = server.getDatabase("postgres", "tracker_b").getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'app_user'")) {
      rs.next();
      if (rs.getInt(1) > 0) {
        try (ResultSet users = c.createStatement().executeQuery("SELECT count(*) FROM app_user")) {
          users.next();
          assertThat(users.getInt(1)).as("no demo user was created").isZero();
        }
      }
    }
  }
}
