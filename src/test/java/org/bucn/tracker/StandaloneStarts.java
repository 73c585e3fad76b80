package org.bucn.tracker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application outside the shared test context, as an operator would. */
public final class StandaloneStarts {

  private StandaloneStarts() {}

  public static ConfigurableApplicationContext start(String... properties) {
    List<String> args = new ArrayList<>(List.of("--logging.level.root=warn"));
    if (java.util.Arrays.stream(properties).noneMatch(p -> p.startsWith("server.port="))) {
      args.add("--server.port=0");
    }
    if (java.util.Arrays.stream(properties)
        .noneMatch(p -> p.startsWith("tracker.postgres-binaries="))) {
      // PostgreSQL's programs unpacked once per build, as the shared test context has them.
      args.add("--tracker.postgres-binaries=target/postgres-binaries");
    }
    for (String property : properties) {
      args.add("--" + property);
    }
    // Command-line arguments, so that they win over application.yml as an operator's settings do.
    return new SpringApplicationBuilder(TrackerApplication.class).run(args.toArray(String[]::new));
  }

  /**
   * A bare PostgreSQL server on the cluster in {@code dataDir/postgres} (made when missing), with
   * the build's unpacked programs: a database as a killed or earlier run left it, looked at or
   * prepared before the tracker starts on it.
   */
  public static EmbeddedPostgres.Builder bareServer(Path dataDir) {
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(Path.of("target/postgres-binaries").toFile())
        .setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false);
  }

  /** The command that starts the tracker in a JVM of its own, with these settings. */
  public static List<String> ownJvm(String... settings) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TrackerApplication.class.getName(),
                "--server.port=0"));
    for (String setting : settings) {
      command.add("--" + setting);
    }
    return command;
  }

  /** The tracker on a PostgreSQL server it did not start, without demo data, with a first admin. */
  public static ConfigurableApplicationContext onServer(
      EmbeddedPostgres server, Path unusedDataDir, String adminPassword, String... more) {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "tracker.data-dir=" + unusedDataDir,
                "tracker.admin-password=" + adminPassword));
    settings.addAll(List.of(more));
    return start(settings.toArray(String[]::new));
  }
}
