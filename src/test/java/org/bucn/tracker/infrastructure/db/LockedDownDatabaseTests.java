package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL trusts nobody: another user of the machine who finds its port cannot
 * connect without the password, which only the tracker's user can read. A data directory made by an
 * earlier version, which trusted every local user, is locked down on its next start.
 */
@TrackerTest
class LockedDownDatabaseTests {

  @Autowired EmbeddedPostgres postgres;
  @Autowired TrackerProperties properties;

  @Test
  void withoutThePasswordNobodyConnectsAndOnlyTheOwnerReadsIt() throws Exception {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guessed"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
    Path passwordFile = properties.dataDir().resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
        .isEqualTo("rw-------");
    try (var c =
        DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).trim())) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThat(Files.readAllLines(properties.dataDir().resolve("postgres/pg_hba.conf")))
        .filteredOn(line -> !line.strip().startsWith("#") && !line.isBlank())
        .isNotEmpty()
        .allSatisfy(rule -> assertThat(rule).doesNotContain("trust").contains("scram-sha-256"));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(properties.postgresBinariesDirectory())))
        .as("PostgreSQL's programs: nobody else may plant one")
        .isEqualTo("rwx------");
  }

  @Test
  void aDataDirectoryThatTrustedEveryoneIsLockedDownOnItsNextStart(@TempDir Path dataDir)
      throws Exception {
    int port;
    // As the tracker made it before: zonky's initdb with "trust".
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start()) {
      port = old.getPort();
      try (var c =
          DriverManager.getConnection(
              "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
        c.createStatement().execute("CREATE TABLE kept_from_before (note text)");
        c.createStatement().execute("INSERT INTO kept_from_before VALUES ('still here')");
      }
    }
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=locked-down-admin")) {
      EmbeddedPostgres now = app.getBean(EmbeddedPostgres.class);
      String url = "jdbc:postgresql://localhost:" + now.getPort() + "/postgres";
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("SELECT note FROM kept_from_before")
                  .query(String.class)
                  .single())
          .isEqualTo("still here");
    }
    // And it starts again, locked, with the same password.
    try (ConfigurableApplicationContext app =
        StandaloneStarts.start(
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=locked-down-admin")) {
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("SELECT count(*) FROM kept_from_before")
                  .query(Long.class)
                  .single())
          .isOne();
    }
  }
}
