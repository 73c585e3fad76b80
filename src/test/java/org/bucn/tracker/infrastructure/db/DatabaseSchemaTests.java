package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
  void liquibaseRanCamundasChangelogAndEveryOneOfOurs() throws Exception {
    List<String> ours = new ArrayList<>();
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/changelog/changes/*.yaml")) {
      ours.add("db/changelog/changes/" + r.getFilename());
    }
    assertThat(ours).as("changelog files found").hasSizeGreaterThanOrEqualTo(7);
    String master =
        new String(
            new ClassPathResource("db/changelog/db.changelog-master.yaml")
                .getInputStream()
                .readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(ours)
        .as("every changelog file is included in the master")
        .allSatisfy(f -> assertThat(master).contains(f));
    assertThat(
            jdbc.sql("SELECT DISTINCT filename FROM databasechangelog").query(String.class).list())
        .contains("org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml")
        .containsAll(ours);
  }

  @Test
  void camundaSchemaIsAt7_24() {
    assertThat(jdbc.sql("SELECT version_ FROM act_ge_schema_log").query(String.class).list())
        .contains("7.24.0");
  }
}
