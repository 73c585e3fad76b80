package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.StandaloneStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class RestartKeepsDataTests {

  @Test
  void aTargetAddedBeforeARestartIsStillThereAfterIt(@TempDir Path dataDir) {
    String[] settings = {"tracker.data-dir=" + dataDir, "tracker.demo=false", "tracker.admin-password=first-admin-pw"};
    long id;
    try (ConfigurableApplicationContext app = StandaloneStarts.start(settings)) {
      assertThat(app.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
      id = app.getBean(TargetService.class)
          .create(new TargetRequest("SI", "Slovenia", "Speaker of the National Assembly", "Test Holder", Channel.LETTER, null, "sl"))
          .id();
    }
    assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

    try (ConfigurableApplicationContext app = StandaloneStarts.start(settings)) {
      Target target = app.getBean(TargetService.class).get(id);
      assertThat(target.office()).isEqualTo("Speaker of the National Assembly");
      assertThat(target.holderName()).isEqualTo("Test Holder");
    }
  }
}
