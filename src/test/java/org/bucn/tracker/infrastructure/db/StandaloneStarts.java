package org.bucn.tracker.infrastructure.db;

import java.util.ArrayList;
import java.util.List;
import org.bucn.tracker.TrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application outside the shared test context, as an operator would. */
final class StandaloneStarts {

  private StandaloneStarts() {}

  static ConfigurableApplicationContext start(String... properties) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=warn"));
    for (String property : properties) {
      args.add("--" + property);
    }
    // Command-line arguments, so that they win over application.yml as an operator's settings do.
    return new SpringApplicationBuilder(TrackerApplication.class).run(args.toArray(String[]::new));
  }
}
