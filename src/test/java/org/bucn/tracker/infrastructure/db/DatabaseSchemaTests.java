package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@TrackerTest
class DatabaseSchemaTests {

  @Autowired JdbcClient jdbc;

  @Test
  void runsOnPostgresql17() {
    String version = jdbc.sql("SHOW server_version").query(String.class).single();
    assertThat(version).startsWith("17.");
  }

  @Test
  void embeddedServerKeepsDurabilitySettingsOn() {
    assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
    assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
  }

  @Test
  void liquibaseRanCamundasChangelogAndOurs() {
    assertThat(jdbc.sql("SELECT filename FROM databasechangelog").query(String.class).list())
        .contains(
            "org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml",
            "db/changelog/changes/001-users.yaml",
            "db/changelog/changes/002-targets.yaml");
  }

  @Test
  void camundaSchemaIsAt7_24() {
    assertThat(jdbc.sql("SELECT version_ FROM act_ge_schema_log").query(String.class).list()).contains("7.24.0");
  }
}
