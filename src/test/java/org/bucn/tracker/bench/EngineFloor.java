package org.bucn.tracker.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bucn.floor.FloorApplication;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.bench.LifecycleBenchmark.Round;
import org.bucn.tracker.bench.LifecycleBenchmark.Session;
import org.bucn.tracker.bench.LifecycleBenchmark.Statements;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tracker against the engine's own floor (issue 28): the same BPMN in a bare Camunda
 * application ({@link FloorApplication}) on a fresh database of the same cluster, driven by the
 * same workers along the same path, rounds alternating tracker, floor, tracker, floor (the first
 * tracker round is the lifecycle benchmark's measured one). The idle application's job executor
 * keeps polling meanwhile (one indexed query a second).
 */
final class EngineFloor {

  private EngineFloor() {}

  static void compare(
      ConfigurableApplicationContext tracker,
      Session trackerCoordinator,
      List<Long> trackerTargets,
      List<Session[]> trackerPeople,
      double trackerFirst,
      Statements trackerFirstStatements,
      double pgbenchTps)
      throws Exception {
    JdbcClient jdbc = tracker.getBean(JdbcClient.class);
    jdbc.sql("CREATE DATABASE floor").update();
    String password =
        Files.readString(
                tracker.getBean(TrackerProperties.class).dataDir().resolve("postgres.password"))
            .trim();
    EmbeddedPostgres postgres = tracker.getBean(EmbeddedPostgres.class);
    try (ConfigurableApplicationContext floor =
        new SpringApplicationBuilder(FloorApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "floor"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + password,
                "--camunda.bpm.database.schema-update=true",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off")) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) floor).getWebServer().getPort();
      FloorApplication.Ledger ledger = floor.getBean(FloorApplication.Ledger.class);
      Session coordinator = Session.logIn(base, "coordinator");
      List<Long> targets = new ArrayList<>();
      coordinator.get("/api/targets").forEach(t -> targets.add(t.get("id").asLong()));
      List<Session[]> people = new ArrayList<>();
      for (int w = 0; w < LifecycleBenchmark.WORKERS; w++) {
        people.add(
            new Session[] {
              Session.logIn(base, w % 2 == 0 ? "advocate" : "advocate2"),
              Session.logIn(base, "coordinator")
            });
      }
      LifecycleBenchmark.round(
          ledger::allOpened, coordinator, targets, people, LifecycleBenchmark.WARMUP_CAMPAIGNS);

      List<double[]> rounds = new ArrayList<>(); // tracker c/s, floor c/s
      List<Statements> floorStatements = new ArrayList<>();
      List<Statements> trackerStatements = new ArrayList<>(List.of(trackerFirstStatements));
      double trackerRate = trackerFirst;
      for (int pair = 0; pair < 2; pair++) {
        if (pair > 0) {
          reset(jdbc);
          Round t =
              LifecycleBenchmark.round(
                  LifecycleBenchmark.trackerOpened(jdbc),
                  trackerCoordinator,
                  trackerTargets,
                  trackerPeople,
                  LifecycleBenchmark.CAMPAIGNS);
          trackerRate = t.latencies().size() / t.elapsed();
          trackerStatements.add(Statements.of(jdbc, "postgres", t.latencies().size()));
        }
        reset(jdbc);
        Round f =
            LifecycleBenchmark.round(
                ledger::allOpened, coordinator, targets, people, LifecycleBenchmark.CAMPAIGNS);
        double floorRate = f.latencies().size() / f.elapsed();
        floorStatements.add(Statements.of(jdbc, "floor", f.latencies().size()));
        rounds.add(new double[] {trackerRate, floorRate});
      }

      System.out.println();
      System.out.println(
          "Engine floor: the same BPMN in bare Camunda (same engine settings, same cluster, same"
              + " workers and path), rounds alternating");
      double ratios = 0;
      for (int i = 0; i < rounds.size(); i++) {
        double ratio = rounds.get(i)[0] / rounds.get(i)[1];
        ratios += ratio;
        System.out.printf(
            Locale.ROOT,
            "  pair %d: tracker %.1f completions/s, floor %.1f/s, tracker ÷ floor %.2f%n",
            i + 1,
            rounds.get(i)[0],
            rounds.get(i)[1],
            ratio);
      }
      System.out.printf(Locale.ROOT, "  tracker ÷ floor (mean)     %.2f%n", ratios / rounds.size());
      if (pgbenchTps > 0) {
        System.out.printf(
            Locale.ROOT,
            "  floor ÷ pgbench            %.4f (tracker ÷ pgbench %.4f)%n",
            rounds.get(0)[1] / pgbenchTps,
            rounds.get(0)[0] / pgbenchTps);
      }
      for (int i = 0; i < rounds.size(); i++) {
        System.out.println(
            "  statements per completion, pair "
                + (i + 1)
                + ": tracker "
                + trackerStatements.get(i)
                + "; floor "
                + floorStatements.get(i));
      }
    }
  }

  private static void reset(JdbcClient jdbc) {
    jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
  }
}
