package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class RestartKeepsDataTests {

  @Test
  void
      aTargetAddedBeforeARestartIsStillThereAfterItAndAnOlderHistoryLevelIsMovedAndAGivenAdminPasswordHolds(
          @TempDir Path dataDir) {
    // Demo mode with a given admin password: the demo users, but the admin's password is the one
    // given.
    String[] settings = {
      "tracker.data-dir=" + dataDir, "tracker.demo=true", "tracker.admin-password=first-admin-pw"
    };
    long id;
    long savedOn;
    try (ConfigurableApplicationContext app = StandaloneStarts.start(settings)) {
      assertThat(app.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
      UserService users = app.getBean(UserService.class);
      PasswordEncoder passwords = app.getBean(PasswordEncoder.class);
      assertThat(
              passwords.matches("first-admin-pw", users.loadUserByUsername("admin").getPassword()))
          .isTrue();
      assertThat(passwords.matches("demo", users.loadUserByUsername("admin").getPassword()))
          .isFalse();
      assertThat(passwords.matches("demo", users.loadUserByUsername("coordinator").getPassword()))
          .isTrue();
      id =
          app.getBean(TargetService.class)
              .create(
                  new TargetRequest(
                      "SI",
                      "Slovenia",
                      "Speaker of the National Assembly",
                      "Test Holder",
                      null,
                      Channel.LETTER,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "sl"),
                  "coordinator")
              .id();
      // Work on a draft, saved without finishing the task.
      long appeal =
          app.getBean(JdbcClient.class)
              .sql("SELECT min(id) FROM appeal")
              .query(Long.class)
              .single();
      app.getBean(AppealService.class)
          .saveDraftInProgress(
              appeal,
              "Predmet",
              "Poštovani, napola napisano …",
              "sr-Latn",
              new Actor("advocate", java.util.Set.of(Role.ADVOCATE)));
      savedOn = appeal;
      // As a database written by an earlier version looks: engine history at FULL, 008 not yet run.
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      jdbc.sql("UPDATE act_ge_property SET value_ = '3' WHERE name_ = 'historyLevel'").update();
      jdbc.sql("DELETE FROM databasechangelog WHERE id = '008-history-level-activity'").update();
    }
    assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

    try (ConfigurableApplicationContext app = StandaloneStarts.start(settings)) {
      Target target = app.getBean(TargetService.class).get(id);
      assertThat(target.office()).isEqualTo("Speaker of the National Assembly");
      assertThat(target.holderName()).isEqualTo("Test Holder");
      var saved = app.getBean(AppealService.class).detail(savedOn).draftInProgress();
      assertThat(saved.text()).isEqualTo("Poštovani, napola napisano …");
      assertThat(saved.language()).isEqualTo("sr-Latn");
      assertThat(saved.savedBy()).isEqualTo("advocate");
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'")
                  .query(String.class)
                  .single())
          .as("moved from FULL to ACTIVITY before the engine started")
          .isEqualTo("1");
    }
  }
}
