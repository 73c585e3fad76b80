package org.bucn.tracker.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Start-up as a newcomer meets it (issue 28): the packaged jar started with {@code java -jar} on a
 * fresh data directory in demo mode, timed until the login page answers 200 (which it does only
 * once the demo is made), then stopped and started again on the same data. Part of {@code ./mvnw
 * -Pbench verify}, after the jar is packaged.
 */
public final class StartupBenchmark {

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(
                  p -> p.getFileName().toString().matches("sanctions-campaign-tracker-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no jar in target: package first"));
    }
    Path dataDir = Files.createTempDirectory("tracker-startup-bench");
    double first = start(jar, dataDir);
    double again = start(jar, dataDir);
    System.out.println();
    System.out.println("Start-up from the jar (" + Files.size(jar) / (1024 * 1024) + " MB):");
    System.out.printf(
        Locale.ROOT, "  first start (fresh data, demo made)   %.1f s to the login page%n", first);
    System.out.printf(Locale.ROOT, "  later start (same data)               %.1f s%n", again);
  }

  /** Seconds from {@code java -jar} to the login page answering 200; then a clean stop. */
  private static double start(Path jar, Path dataDir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--tracker.data-dir=" + dataDir.resolve("data"),
            "--tracker.demo=true");
    long started = System.nanoTime();
    Process tracker =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("tracker.log").toFile())
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest login =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build();
    try {
      while (true) {
        if (!tracker.isAlive()) {
          throw new IllegalStateException(
              "the tracker stopped: " + Files.readString(dataDir.resolve("tracker.log")));
        }
        try {
          if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - started) / 1e9;
          }
        } catch (java.io.IOException notListeningYet) {
          // the web server is not up yet
        }
        Thread.sleep(100);
      }
    } finally {
      tracker.destroy(); // SIGTERM: the tracker stops its engine and database cleanly
      tracker.waitFor();
    }
  }
}
