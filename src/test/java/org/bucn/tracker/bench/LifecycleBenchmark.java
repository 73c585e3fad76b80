package org.bucn.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bucn.tracker.TrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of whole appeal lifecycles over HTTP, next to what PostgreSQL itself does on the same
 * cluster in the same run: on a fresh embedded PostgreSQL (fsync on), {@value #WORKERS} workers,
 * each logged in with a web session as a busy client would be, drive {@value #CAMPAIGNS} campaigns
 * of 22 appeals through draft, review, submission and either a response and a sanction outcome or
 * {@value #MAX_FOLLOW_UPS} follow-ups (PT3S apart), one more interval to answer and an escalation.
 * Then {@code pgbench -N} with {@value #WORKERS} clients runs as long against the same cluster.
 * Prints completions/s, lifecycles/s, p50/p95 per completion, the ratio to pgbench, the follow-up
 * timers' lag under the load, where the CPU went, cold start and warm restart. Part of {@code
 * ./mvnw -Pbench verify}. With {@code -Dbench.statements=true} it also lists PostgreSQL's busiest
 * statements and sequential scans per completion (pg_stat_statements); further arguments are the
 * application's settings.
 */
public final class LifecycleBenchmark {

  static final int WORKERS = 8;

  /**
   * Enough appeals in flight that no worker waits for a timer with nothing else to do (the machine
   * is busy throughout).
   */
  static final int CAMPAIGNS = 30;

  static final int WARMUP_CAMPAIGNS = 5;
  static final int MAX_FOLLOW_UPS = 2;
  static final String FOLLOW_UP_INTERVAL = "PT3S";
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final long FOLLOW_UP_LOOK_MILLIS = 250;

  /**
   * {@code -Dbench.statements=true}: PostgreSQL's busiest statements in the measured round
   * (pg_stat_statements).
   */
  static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

  /**
   * {@code -Dbench.floor=false}: the tracker's round only, without the engine floor's comparison
   * (while profiling one change after another).
   */
  static final boolean FLOOR = !"false".equals(System.getProperty("bench.floor"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TODAY = LocalDate.now().toString();

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("tracker-lifecycle-bench");
    String[] settings = {
      "--server.port=0",
      "--tracker.data-dir=" + dataDir,
      "--tracker.demo=true",
      "--logging.level.root=warn",
      "--spring.main.banner-mode=off"
    };
    // Further settings from the command line, e.g.
    // --logging.level.org.camunda.bpm.engine.jobexecutor=debug
    settings = Stream.concat(Stream.of(settings), Stream.of(args)).toArray(String[]::new);
    long coldStarted = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TrackerApplication.class).run(settings);
    double coldStart = seconds(coldStarted);
    // Statements are counted in every run (the floor comparison); the busiest are listed with
    // -Dbench.statements=true.
    app.getBean(JdbcClient.class)
        .sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
        .update();
    app.close();
    long warmStarted = System.nanoTime();
    app = new SpringApplicationBuilder(TrackerApplication.class).run(settings);
    double warmRestart = seconds(warmStarted);
    try {
      run(app, coldStart, warmRestart);
    } finally {
      app.close();
    }
  }

  private static void run(ConfigurableApplicationContext app, double coldStart, double warmRestart)
      throws Exception {
    String base =
        "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    Session coordinator = Session.logIn(base, "coordinator");
    List<Long> targets = new ArrayList<>();
    for (JsonNode t : coordinator.get("/api/targets")) {
      targets.add(t.get("id").asLong());
    }
    List<Session[]> people = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      people.add(
          new Session[] {
            Session.logIn(base, w % 2 == 0 ? "advocate" : "advocate2"),
            Session.logIn(base, "coordinator")
          });
    }
    round(trackerOpened(jdbc), coordinator, targets, people, WARMUP_CAMPAIGNS); // the JIT
    Thread.sleep(1500); // the warm-up's statistics published before the baseline is read
    String deadlocksSql =
        "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()";
    long deadlocksBefore = jdbc.sql(deadlocksSql).query(Long.class).single();
    Map<String, Long> writesBefore = tableWrites(jdbc);
    Map<String, Long> seqReadBefore = tableStat(jdbc, "seq_tup_read");
    java.time.Instant from = java.time.Instant.now();
    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
    CpuUse cpu = CpuUse.now();
    Round measured = round(trackerOpened(jdbc), coordinator, targets, people, CAMPAIGNS);
    String cpuUse = cpu.since();
    Statements trackerStatements = Statements.of(jdbc, "postgres", measured.latencies().size());
    System.out.println(
        "measured round: "
            + from
            + " .. "
            + java.time.Instant.now()
            + " (for matching a JFR recording)");
    double elapsed = measured.elapsed();
    List<Long> latencies = measured.latencies();
    AtomicLong lifecycles = new AtomicLong(measured.lifecycles());
    List<Long> appeals = measured.appeals();
    List<Double> lags =
        new ArrayList<>(
            jdbc.sql(
                    """
            SELECT extract(epoch FROM due.at - (prev.at + interval '3 seconds')) * 1000
              FROM appeal_timeline due
              JOIN LATERAL (SELECT at FROM appeal_timeline p WHERE p.appeal_id = due.appeal_id AND p.id < due.id
                              AND p.action IN ('SUBMITTED', 'FOLLOWED_UP') ORDER BY p.id DESC LIMIT 1) prev ON true
             WHERE due.action = 'FOLLOW_UP_DUE' AND due.appeal_id = ANY (?)
            """)
                .param(appeals.toArray(Long[]::new))
                .query(Double.class)
                .list());

    Thread.sleep(
        1500); // PostgreSQL publishes its statistics within a second of a transaction's end
    jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
    long deadlocks = jdbc.sql(deadlocksSql).query(Long.class).single() - deadlocksBefore;
    Map<String, Long> writesAfter = tableWrites(jdbc);
    Map<String, Long> seqReadAfter = tableStat(jdbc, "seq_tup_read");
    EmbeddedPostgres postgres = app.getBean(EmbeddedPostgres.class);
    double tps =
        pgbench(
            postgres,
            Files.readString(
                    app.getBean(org.bucn.tracker.TrackerProperties.class)
                        .dataDir()
                        .resolve("postgres.password"))
                .trim(),
            (int) Math.max(10, Math.round(elapsed)));

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Collections.sort(lags);
    double completionsPerSecond = sorted.size() / elapsed;
    System.out.println();
    System.out.println(
        "Lifecycle benchmark: "
            + WORKERS
            + " workers over HTTP with web sessions, embedded PostgreSQL 17, fsync on");
    System.out.printf(
        Locale.ROOT,
        "  appeals driven             %d (a quarter silent: %d follow-ups at %s, then an escalation)%n",
        appeals.size(),
        MAX_FOLLOW_UPS,
        FOLLOW_UP_INTERVAL);
    System.out.printf(Locale.ROOT, "  elapsed                    %.1f s%n", elapsed);
    System.out.printf(
        Locale.ROOT,
        "  task completions           %d, %.1f/s%n",
        sorted.size(),
        completionsPerSecond);
    System.out.printf(
        Locale.ROOT, "  lifecycles                 %.2f/s%n", lifecycles.get() / elapsed);
    System.out.printf(
        Locale.ROOT,
        "  per completion (HTTP)      p50 %.1f ms, p95 %.1f ms%n",
        pct(sorted, 50) / 1e6,
        pct(sorted, 95) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "  follow-up timer lag        p50 %.0f ms, p95 %.0f ms (%d timers)%n",
        pctD(lags, 50),
        pctD(lags, 95),
        lags.size());
    System.out.printf(Locale.ROOT, "  deadlocks (PostgreSQL)     %d%n", deadlocks);
    System.out.println("  CPU in the measured round  " + cpuUse);
    System.out.printf(
        Locale.ROOT,
        "  pgbench -N, %d clients      %.0f TPS (same cluster, same duration)%n",
        WORKERS,
        tps);
    System.out.printf(
        Locale.ROOT,
        "  ratio completions/pgbench  %.4f%n",
        tps > 0 ? completionsPerSecond / tps : Double.NaN);
    System.out.printf(Locale.ROOT, "  cold start (fresh data)    %.1f s%n", coldStart);
    System.out.println(
        "  rows written per completion (inserts + updates + deletes), the busiest tables:");
    printBusiest(writesBefore, writesAfter, 12, sorted.size(), "%.2f");
    System.out.printf(
        Locale.ROOT,
        "    %-28s %.2f%n",
        "all tables",
        writesAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - writesBefore.getOrDefault(e.getKey(), 0L))
                .sum()
            / (double) sorted.size());
    System.out.printf(Locale.ROOT, "  warm restart (same data)   %.1f s%n", warmRestart);
    if (STATEMENTS) {
      System.out.println(
          "  busiest statements (PostgreSQL's time per completion, calls per completion):");
      int completions = sorted.size();
      jdbc.sql(
              """
              SELECT total_exec_time, calls, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements
               WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 25
              """)
          .query(
              (rs, n) ->
                  String.format(
                      Locale.ROOT,
                      "    %6.3f ms %5.2f  %.150s",
                      rs.getDouble(1) / completions,
                      rs.getLong(2) / (double) completions,
                      rs.getString(3)))
          .list()
          .forEach(System.out::println);
      System.out.println(
          "  our own statements by calls per completion (PostgreSQL's time per completion):");
      jdbc
          .sql(
              """
              SELECT total_exec_time, calls, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements
               WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC
              """)
          .query(
              (rs, n) ->
                  Statements.kind(rs.getString(3).strip().toLowerCase(Locale.ROOT)).equals("own")
                          && rs.getLong(2) >= completions / 50
                      ? String.format(
                          Locale.ROOT,
                          "    %5.2f  %6.3f ms  %.150s",
                          rs.getLong(2) / (double) completions,
                          rs.getDouble(1) / completions,
                          rs.getString(3))
                      : null)
          .list()
          .stream()
          .filter(java.util.Objects::nonNull)
          .forEach(System.out::println);
      System.out.println("  rows read by sequential scans per completion, by table:");
      printBusiest(seqReadBefore, seqReadAfter, 8, completions, "%.1f");
    }
    if (FLOOR) {
      EngineFloor.compare(
          app, coordinator, targets, people, completionsPerSecond, trackerStatements, tps);
    }
  }

  /** Whether every appeal the tracker's launches made has its process. */
  static java.util.function.BooleanSupplier trackerOpened(JdbcClient jdbc) {
    return () ->
        jdbc.sql("SELECT count(*) FROM appeal WHERE process_instance_id IS NULL")
                .query(Long.class)
                .single()
            == 0;
  }

  /**
   * PostgreSQL's statements per completion in one database since the last reset: the engine's
   * (naming only {@code act_} tables), the tracker's own, and transaction control.
   */
  record Statements(double engine, double ours, double control, double ourMillis) {
    double all() {
      return engine + ours + control;
    }

    static Statements of(JdbcClient jdbc, String database, int completions) {
      double[] sums = new double[4];
      jdbc.sql(
              """
              SELECT calls, total_exec_time, lower(query) FROM pg_stat_statements
               WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)
              """)
          .param(database)
          .query(
              (rs, n) -> {
                String query = rs.getString(3).strip();
                long calls = rs.getLong(1);
                switch (kind(query)) {
                  case "control" -> sums[2] += calls;
                  case "engine" -> sums[0] += calls;
                  default -> {
                    sums[1] += calls;
                    sums[3] += rs.getDouble(2);
                  }
                }
                return null;
              })
          .list();
      return new Statements(
          sums[0] / completions,
          sums[1] / completions,
          sums[2] / completions,
          sums[3] / completions);
    }

    private static final Pattern TABLES =
        Pattern.compile("\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");

    /** Transaction control; the engine's (every table it names is an act_ one); our own. */
    static String kind(String query) {
      if (query.matches("(?s)^(begin|commit|rollback|set |show |reset |savepoint|release).*")) {
        return "control";
      }
      Matcher tables = TABLES.matcher(query);
      boolean any = false;
      while (tables.find()) {
        String table = tables.group(1).replaceFirst("^public\\.", "");
        any = true;
        if (!table.startsWith("act_")) {
          return "own";
        }
      }
      return any ? "engine" : "own";
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f (engine %.1f, own %.1f, transaction control %.1f; own tables %.2f ms)",
          all(),
          engine,
          ours,
          control,
          ourMillis);
    }
  }

  /** The tables whose figure grew most in the measured round, per completion. */
  private static void printBusiest(
      Map<String, Long> before,
      Map<String, Long> after,
      int limit,
      int completions,
      String format) {
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(limit)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "    %-28s " + format + "%n",
                    e.getKey(),
                    e.getValue() / (double) completions));
  }

  /** One appeal from draft to its end; completions are timed, claims and lookups are not. */
  record Round(double elapsed, List<Long> latencies, long lifecycles, List<Long> appeals) {}

  /**
   * Launches the campaigns, waits for their appeals to open, and has the workers drive them all to
   * their end.
   */
  static Round round(
      java.util.function.BooleanSupplier opened,
      Session coordinator,
      List<Long> targets,
      List<Session[]> people,
      int campaigns)
      throws Exception {
    List<Long> appeals = new ArrayList<>();
    Map<Long, Long> campaignOf = new java.util.concurrent.ConcurrentHashMap<>();
    for (int c = 0; c < campaigns; c++) {
      JsonNode campaign =
          coordinator.post(
              "/api/campaigns",
              Map.of(
                  "title",
                  "Benchmark " + System.nanoTime(),
                  "summary",
                  "Lifecycle benchmark",
                  "demands",
                  List.of("CONDEMNATION", "SANCTIONS"),
                  "followUpInterval",
                  FOLLOW_UP_INTERVAL,
                  "maxFollowUps",
                  MAX_FOLLOW_UPS,
                  "sanctionCheckInterval",
                  "P30D",
                  "targetIds",
                  targets));
      long id = campaign.get("id").asLong();
      coordinator.post("/api/campaigns/" + id + "/launch", null);
      for (JsonNode a : coordinator.get("/api/campaigns/" + id + "/appeals")) {
        appeals.add(a.get("id").asLong());
        campaignOf.put(a.get("id").asLong(), id);
      }
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!opened.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("appeals not opened within " + PATIENCE);
      }
      Thread.sleep(100);
    }
    Collections.shuffle(appeals, new java.util.Random(42));
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong lifecycles = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (int w = 0; w < WORKERS; w++) {
      List<Appeal> mine = new ArrayList<>();
      for (int i = w; i < appeals.size(); i += WORKERS) {
        mine.add(new Appeal(appeals.get(i), campaignOf.get(appeals.get(i))));
      }
      Session adv = people.get(w)[0].timing(latencies);
      Session coord = people.get(w)[1].timing(latencies);
      runs.add(
          workers.submit(
              () -> {
                drive(adv, coord, mine, lifecycles);
                return null;
              }));
    }
    try {
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      workers.shutdownNow();
    }
    return new Round(seconds(started), new ArrayList<>(latencies), lifecycles.get(), appeals);
  }

  record Appeal(long id, long campaignId) {
    boolean silent() {
      return id % 4 == 0;
    }
  }

  record Step(Appeal appeal, String taskId, String taskKey) {}

  /**
   * Drives a worker's appeals as a busy person works a task list: always the next task that is
   * ready (the answer to each completion names the appeal's next tasks), and the follow-ups of
   * silent appeals as their timers bring them.
   */
  private static void drive(Session adv, Session coord, List<Appeal> appeals, AtomicLong lifecycles)
      throws Exception {
    java.util.Deque<Step> ready = new java.util.ArrayDeque<>();
    Map<Long, Appeal> awaitingFollowUp = new java.util.HashMap<>();
    Map<Long, Appeal> drafts = new java.util.HashMap<>();
    appeals.forEach(a -> drafts.put(a.id(), a));
    for (long campaign : appeals.stream().map(Appeal::campaignId).distinct().toList()) {
      for (JsonNode task :
          adv.get("/api/tasks?scope=claimable&taskKey=draftAppeal&size=100&campaignId=" + campaign)
              .path("items")) {
        Appeal appeal = drafts.remove(task.path("appealId").asLong());
        if (appeal != null) {
          ready.add(new Step(appeal, task.get("id").asText(), "draftAppeal"));
        }
      }
    }
    if (!drafts.isEmpty()) {
      throw new IllegalStateException("no draft task for appeals " + drafts.keySet());
    }
    long lastLook = 0;
    long lastStep = System.nanoTime();
    int open = appeals.size();
    while (open > 0) {
      Step step = ready.poll();
      if (step == null) {
        if (System.nanoTime() - lastStep > PATIENCE.toNanos()) {
          throw new IllegalStateException(
              "no task came within " + PATIENCE + " for appeals " + awaitingFollowUp.keySet());
        }
        // A busy person's list refreshes every quarter second, not in a tight loop.
        long wait = FOLLOW_UP_LOOK_MILLIS - (System.currentTimeMillis() - lastLook);
        if (wait > 0) {
          Thread.sleep(wait);
        }
        lastLook = System.currentTimeMillis();
        for (JsonNode task :
            adv.get("/api/tasks?scope=mine&taskKey=followUp&size=100").path("items")) {
          Appeal appeal = awaitingFollowUp.remove(task.path("appealId").asLong());
          if (appeal != null) {
            ready.add(new Step(appeal, task.get("id").asText(), "followUp"));
          }
        }
        // After the last follow-up, the target gets one more interval to answer; then a coordinator
        // decides.
        for (JsonNode task :
            coord
                .get("/api/tasks?scope=claimable&taskKey=escalateNoResponse&size=100")
                .path("items")) {
          Appeal appeal = awaitingFollowUp.remove(task.path("appealId").asLong());
          if (appeal != null) {
            ready.add(new Step(appeal, task.get("id").asText(), "escalateNoResponse"));
          }
        }
        continue;
      }
      lastStep = System.nanoTime();
      boolean coordinators =
          step.taskKey().equals("reviewAppeal") || step.taskKey().equals("escalateNoResponse");
      Session who = coordinators ? coord : adv;
      if (step.taskKey().equals("draftAppeal")) {
        adv.post("/api/tasks/" + step.taskId() + "/claim", null);
      }
      JsonNode next = who.timedComplete(step.taskId(), fields(step)).path("nextTasks");
      String following =
          switch (step.taskKey()) {
            case "draftAppeal" -> "reviewAppeal";
            case "reviewAppeal" -> "submitAppeal";
            case "submitAppeal" -> step.appeal().silent() ? null : "recordResponse";
            case "recordResponse" -> "trackSanction";
            case "followUp" -> "escalateNoResponse";
            default -> null;
          };
      String nextTask = null;
      for (JsonNode task : next) {
        if (task.path("taskKey").asText().equals(following)) {
          nextTask = task.get("id").asText();
        }
      }
      if (nextTask != null) {
        ready.add(new Step(step.appeal(), nextTask, following));
      } else if (step.taskKey().equals("submitAppeal") || step.taskKey().equals("followUp")) {
        awaitingFollowUp.put(step.appeal().id(), step.appeal());
      } else {
        open--;
        lifecycles.incrementAndGet();
      }
    }
  }

  private static Map<String, ?> fields(Step step) {
    return switch (step.taskKey()) {
      case "draftAppeal" ->
          Map.of("text", "Your Excellency, we ask you to refuse recognition.", "language", "en");
      case "reviewAppeal" -> Map.of("decision", "APPROVE");
      case "submitAppeal" ->
          Map.of(
              "submittedAt",
              TODAY,
              "channel",
              "EMAIL",
              "sentElsewhere",
              "true",
              "reference",
              "B-" + step.appeal().id());
      case "followUp" -> Map.of("doneAt", TODAY, "channel", "EMAIL", "note", "Reminder");
      case "escalateNoResponse" -> Map.of("decision", "CLOSE_NO_RESPONSE", "note", "Silent");
      case "recordResponse" ->
          Map.of("receivedAt", TODAY, "kind", "CONDEMNED", "summary", "Condemned");
      case "trackSanction" ->
          Map.of("status", "ADOPTED", "measure", "Asset freeze", "decidedAt", TODAY);
      default -> throw new IllegalArgumentException(step.taskKey());
    };
  }

  private static Map<String, Long> tableWrites(JdbcClient jdbc) {
    return tableStat(jdbc, "n_tup_ins + n_tup_upd + n_tup_del");
  }

  /** A figure of pg_stat_user_tables per table. */
  private static Map<String, Long> tableStat(JdbcClient jdbc, String figure) {
    jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
    Map<String, Long> values = new java.util.HashMap<>();
    jdbc.sql("SELECT relname, " + figure + " FROM pg_stat_user_tables")
        .query((rs, n) -> values.put(rs.getString(1), rs.getLong(2)))
        .list();
    return values;
  }

  /**
   * Where the machine's CPU went while the workers ran: this JVM (the tracker and the benchmark's
   * HTTP clients) and everything else (PostgreSQL's backends, mostly). Linux only.
   */
  record CpuUse(long busyTicks, long totalTicks, long jvmNanos, long wallNanos) {
    static CpuUse now() {
      long busy = 0;
      long total = 0;
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        for (int i = 1; i < Math.min(cpu.length, 9); i++) {
          long ticks = Long.parseLong(cpu[i]);
          total += ticks;
          if (i != 4 && i != 5) { // idle, iowait
            busy += ticks;
          }
        }
      } catch (IOException | RuntimeException e) {
        return new CpuUse(-1, -1, 0, System.nanoTime());
      }
      long jvm =
          ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      return new CpuUse(busy, total, jvm, System.nanoTime());
    }

    String since() {
      CpuUse end = now();
      if (busyTicks < 0 || end.busyTicks() < 0) {
        return "unknown (no /proc/stat)";
      }
      int cores = Runtime.getRuntime().availableProcessors();
      double busy = (end.busyTicks() - busyTicks) / (double) (end.totalTicks() - totalTicks);
      double jvm = (end.jvmNanos() - jvmNanos) / (double) (end.wallNanos() - wallNanos) / cores;
      return String.format(
          Locale.ROOT,
          "%.0f%% of %d cores busy: this JVM %.0f%%, the rest (PostgreSQL) %.0f%%",
          busy * 100,
          cores,
          jvm * 100,
          Math.max(0, busy - jvm) * 100);
    }
  }

  /** pgbench's simple-update script (-N) on a database of its own in the same cluster. */
  private static double pgbench(EmbeddedPostgres postgres, String password, int seconds)
      throws Exception {
    Path pgbench =
        Stream.of("/usr/lib/postgresql")
            .map(Path::of)
            .filter(Files::isDirectory)
            .flatMap(
                dir -> {
                  try (Stream<Path> versions = Files.list(dir)) {
                    return versions
                        .map(v -> v.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .toList()
                        .stream();
                  } catch (IOException e) {
                    return Stream.empty();
                  }
                })
            .findFirst()
            .orElse(null);
    if (pgbench == null) {
      System.out.println(
          "pgbench not found (Debian: apt-get install postgresql); no PostgreSQL baseline in this run");
      return 0;
    }
    try (var c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("DROP DATABASE IF EXISTS pgbench");
      c.createStatement().execute("CREATE DATABASE pgbench");
    }
    String port = Integer.toString(postgres.getPort());
    exec(
        password,
        pgbench.toString(),
        "-i",
        "-q",
        "-s",
        "10",
        "-h",
        "localhost",
        "-p",
        port,
        "-U",
        "postgres",
        "pgbench");
    String out =
        exec(
            password,
            pgbench.toString(),
            "-N",
            "-c",
            Integer.toString(WORKERS),
            "-j",
            "2",
            "-T",
            Integer.toString(seconds),
            "-h",
            "localhost",
            "-p",
            port,
            "-U",
            "postgres",
            "pgbench");
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
  }

  /** Runs a PostgreSQL client program with the embedded server's password. */
  private static String exec(String password, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double pctD(List<Double> sorted, int p) {
    return sorted.isEmpty()
        ? Double.NaN
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** A person's browser: a web session (cookie) and its CSRF token, calling the JSON API. */
  static final class Session {
    private final HttpClient http;
    private final String base;
    private final String csrf;
    private List<Long> latencies;

    private Session(HttpClient http, String base, String csrf) {
      this.http = http;
      this.base = base;
      this.csrf = csrf;
    }

    static Session logIn(String base, String username) throws Exception {
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String login =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String token = meta(login, "value=\"([^\"]+)\"");
      String form =
          "username="
              + username
              + "&password=demo&_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      String home =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return new Session(http, base, meta(home, "<meta name=\"_csrf\" content=\"([^\"]+)\""));
    }

    Session timing(List<Long> into) {
      this.latencies = into;
      return this;
    }

    JsonNode get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    JsonNode post(String path, Object body) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .header("X-CSRF-TOKEN", csrf)
              .POST(
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    }

    JsonNode timedComplete(String task, Map<String, ?> fields) throws Exception {
      long started = System.nanoTime();
      JsonNode result = post("/api/tasks/" + task + "/complete", fields);
      latencies.add(System.nanoTime() - started);
      return result;
    }

    private JsonNode send(HttpRequest request) throws Exception {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " -> "
                + response.statusCode()
                + " "
                + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String meta(String html, String pattern) {
      Matcher m = Pattern.compile(pattern).matcher(html);
      if (!m.find()) {
        throw new IllegalStateException("no CSRF token in the page");
      }
      return m.group(1);
    }
  }
}
