package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.StandaloneStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While PostgreSQL is down, API callers and people get 503 with Retry-After (never "log in", never
 * 500), health says DOWN, and everything works again once the database is back.
 */
class DatabaseOutageTests {

  static final String PASSWORD = "outage-admin-pw";

  @Test
  void aDatabaseOutageIsAnswered503AndNeverAsABadLogin(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("pg");
    EmbeddedPostgres server =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    int port = server.getPort();
    try (ConfigurableApplicationContext app =
        StandaloneStarts.onServer(server, dir.resolve("unused"), PASSWORD)) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      logIn(browser, base);
      assertThat(get(browser, base + "/admin/users").statusCode()).isEqualTo(200);
      assertThat(basic(base + "/api/me").statusCode()).isEqualTo(200);

      server.close();

      HttpResponse<String> api = basic(base + "/api/me");
      assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
      assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(api.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(basic(base + "/api/admin/users").statusCode()).isEqualTo(503);
      HttpResponse<String> page = get(browser, base + "/admin/users");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("cannot reach its database");
      assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
      HttpResponse<String> health = get(HttpClient.newHttpClient(), base + "/actuator/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("DOWN");
      assertThat(health.headers().firstValue("Retry-After"))
          .as("probes back off as API callers do")
          .hasValue("5");

      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      await("the pool reconnects")
          .atMost(Duration.ofSeconds(30))
          .until(() -> basic(base + "/api/me").statusCode() == 200);
      assertThat(get(browser, base + "/admin/users").statusCode())
          .as("the session survived the outage")
          .isEqualTo(200);
    } finally {
      server.close();
    }
  }

  private static void logIn(HttpClient browser, String base) throws Exception {
    Matcher csrf =
        Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
            .matcher(get(browser, base + "/login").body());
    assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    String form =
        "username=admin&password="
            + PASSWORD
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/html,*/*;q=0.8")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> basic(String url) throws Exception {
    String credentials =
        Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
