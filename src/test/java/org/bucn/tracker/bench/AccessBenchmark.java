package org.bucn.tracker.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.TrackerApplication;
import org.bucn.tracker.user.ApiTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each way of calling the API costs: p95 of {@code GET /api/me} with HTTP Basic (BCrypt on
 * every call), with a personal API token (one SHA-256 and an indexed lookup) and with a web
 * session, next to two baselines measured in the same run: {@code SELECT 1} on the same cluster and
 * the public {@code GET /actuator/health} over the same HTTP client. Run with {@code ./mvnw -Pbench
 * verify}; not part of the test suite.
 */
public final class AccessBenchmark {

  static final int WARMUP = 100;
  static final int CALLS = 500;

  private AccessBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("tracker-access-bench");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TrackerApplication.class)
            .run(
                "--server.port=0",
                "--tracker.data-dir=" + dataDir,
                "--tracker.demo=true",
                "--logging.level.root=warn",
                "--logging.level.org.bucn.tracker.request=warn",
                "--spring.main.banner-mode=off")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      String token = app.getBean(ApiTokens.class).create("coordinator", "benchmark", null).token();
      HttpClient plain = HttpClient.newHttpClient();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      logIn(browser, base);
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));

      double select1 = p95(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
      double health =
          p95(
              () ->
                  call(
                      plain,
                      HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build()));
      double viaBasic =
          p95(
              () ->
                  call(
                      plain,
                      HttpRequest.newBuilder(URI.create(base + "/api/me"))
                          .header("Authorization", basic)
                          .build()));
      double viaToken =
          p95(
              () ->
                  call(
                      plain,
                      HttpRequest.newBuilder(URI.create(base + "/api/me"))
                          .header("Authorization", "Bearer " + token)
                          .build()));
      double viaSession =
          p95(() -> call(browser, HttpRequest.newBuilder(URI.create(base + "/api/me")).build()));

      System.out.printf(
          Locale.ROOT,
          "%nGET /api/me, p95 over %d calls each (after %d to warm up)%n",
          CALLS,
          WARMUP);
      System.out.printf(Locale.ROOT, "  %-28s %8.2f ms%n", "baseline SELECT 1", select1);
      System.out.printf(Locale.ROOT, "  %-28s %8.2f ms%n", "baseline GET /actuator/health", health);
      for (Object[] row :
          new Object[][] {
            {"HTTP Basic", viaBasic}, {"API token (Bearer)", viaToken}, {"web session", viaSession}
          }) {
        double ms = (double) row[1];
        System.out.printf(
            Locale.ROOT,
            "  %-28s %8.2f ms  = %6.1f x SELECT 1, %5.2f x health%n",
            row[0],
            ms,
            ms / select1,
            ms / health);
      }
      System.out.printf(Locale.ROOT, "  Basic / token: %.1f x%n", viaBasic / viaToken);
    }
  }

  private static void logIn(HttpClient browser, String base) throws Exception {
    String page =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the login page");
    }
    String form =
        "username=coordinator&password=demo&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    browser.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    int status =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 200) {
      throw new IllegalStateException("The session login did not work: " + status);
    }
  }

  private static Object call(HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return null;
  }

  private static double p95(Callable<?> call) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      call.call();
    }
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      call.call();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6;
  }
}
