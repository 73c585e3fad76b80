package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import idp.TestIdentityProvider;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Single sign-on end to end: the tracker started as an operator would, with TRACKER_OIDC_* naming a
 * real OpenID provider (Spring Authorization Server on its own port), and a browser that signs in
 * there, comes back with the tracker's roles, and logs out of both.
 */
class SingleSignOnBrowserTests {

  static ConfigurableApplicationContext provider;
  static ConfigurableApplicationContext tracker;
  static Path dataDir;
  static String base;
  static int managementPort;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeAll
  static void startProviderAndTracker() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0);
        ServerSocket management = new ServerSocket(0)) {
      port = free.getLocalPort();
      managementPort = management.getLocalPort();
    }
    // The tracker on "localhost", the provider on "127.0.0.1": two hosts, so their session cookies
    // never mix.
    base = "http://localhost:" + port;
    provider = TestIdentityProvider.start(base);
    String issuer =
        "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
    dataDir = Files.createTempDirectory("tracker-sso");
    tracker =
        StandaloneStarts.start(
            "server.port=" + port,
            "tracker.data-dir=" + dataDir,
            "tracker.demo=false",
            "tracker.admin-password=break-glass-pw",
            "tracker.oidc.issuer=" + issuer,
            "tracker.oidc.client-id=tracker",
            "tracker.oidc.client-secret=tracker-secret",
            "tracker.oidc.name=Network ID",
            "tracker.local-login=false",
            "tracker.imap.host=",
            "management.server.port=" + managementPort,
            "management.server.address=127.0.0.1");
    UserService users = tracker.getBean(UserService.class);
    users.create(
        new UserService.NewUser(
            "ana",
            "an unknown password",
            "Ana.SSO@example.org",
            "Ana Petrović",
            Set.of(Role.ADVOCATE)));
    users.create(
        new UserService.NewUser(
            "dora", "an unknown password", "dora.sso@example.org", "Dora", Set.of(Role.ADVOCATE)));
    users.update("dora", new UserService.UserChange(null, null, false, null, null));
  }

  @AfterAll
  static void stopBoth() {
    if (tracker != null) {
      tracker.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (dataDir != null) {
      FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
  }

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Browsers.chromium(profile);
    wait = Browsers.waitUpTo(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPersonSignsInAtTheProviderWorksWithTheirTrackerRolesAndLogsOutOfBoth() throws Exception {
    browser.get(base + "/tasks");
    wait.until(ExpectedConditions.urlContains("/login"));
    assertThat(browser.findElements(By.id("username")))
        .as("password login is for admins only, behind a disclosure")
        .allMatch(field -> !field.isDisplayed());
    browser.findElement(By.id("sso")).click();
    signInAtProvider("ana.petrovic");

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".logout")));
    assertThat(browser.getCurrentUrl()).startsWith(base);
    assertThat(browser.findElement(By.cssSelector("header")).getText())
        .as("matched by e-mail, shown by the tracker's name")
        .contains("Ana Petrović")
        .contains("Tasks")
        .doesNotContain("Dashboard");
    browser.get(base + "/tasks?tab=claimable");
    assertThat(browser.getTitle()).startsWith("Tasks");
    browser.get(base + "/dashboard");
    assertThat(browser.getPageSource()).as("an advocate's roles, not more").contains("Not allowed");

    browser.findElement(By.cssSelector(".logout button")).click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
    assertThat(browser.getCurrentUrl()).startsWith(base);
    // The provider's session ended too: signing in again asks for the password there.
    browser.findElement(By.id("sso")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
    assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void someoneTheTrackerDoesNotKnowOrHasDisabledIsToldWhy() {
    browser.get(base + "/login");
    browser.findElement(By.id("sso")).click();
    signInAtProvider("stranger");
    wait.until(ExpectedConditions.urlContains("/login?sso=unknown"));
    assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
        .contains("not a user of the tracker yet");

    // Someone who chose an existing user's name and typed their address, which the provider never
    // verified.
    signOutOfProvider();
    browser.get(base + "/login");
    browser.findElement(By.id("sso")).click();
    signInAtProvider("mallory");
    wait.until(ExpectedConditions.urlContains("/login?sso=unknown"));

    signOutOfProvider();
    browser.get(base + "/login");
    browser.findElement(By.id("sso")).click();
    signInAtProvider("dora");
    wait.until(ExpectedConditions.urlContains("/login?sso=disabled"));
    assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("disabled");
  }

  @Test
  void theBreakGlassAdminStillLogsInWithAPasswordAndNobodyElseDoes() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    for (String[] login :
        new String[][] {
          {"ana", "an unknown password", "401"}, {"admin", "break-glass-pw", "200"}
        }) {
      var answer =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/me"))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString((login[0] + ":" + login[1]).getBytes()))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode())
          .as("Basic as " + login[0])
          .isEqualTo(Integer.parseInt(login[2]));
    }
    browser.get(base + "/login");
    browser.findElement(By.tagName("summary")).click();
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("break-glass-pw");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".logout")));
    assertThat(browser.findElement(By.cssSelector("header")).getText()).contains("Users");
  }

  /**
   * With MANAGEMENT_SERVER_PORT set, Prometheus scrapes there without a login; the rest of
   * /actuator stays an admin's.
   */
  @Test
  void prometheusScrapesTheManagementPortWithoutALogin() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String management = "http://127.0.0.1:" + managementPort;
    var scrape =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(management + "/actuator/prometheus"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("tracker_open_tasks{")
        .contains("camunda_jobs_executed_total");
    for (String closed :
        new String[] {management + "/actuator/metrics", base + "/actuator/prometheus"}) {
      assertThat(
              http.send(
                      java.net.http.HttpRequest.newBuilder(java.net.URI.create(closed)).build(),
                      java.net.http.HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .as(closed)
          .isIn(401, 404);
    }
  }

  private void signOutOfProvider() {
    browser.manage().deleteAllCookies();
    browser.get(
        "http://127.0.0.1:"
            + provider.getEnvironment().getProperty("local.server.port")
            + "/logout");
    browser.manage().deleteAllCookies();
  }

  private void signInAtProvider(String username) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
    assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:");
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys("secret");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }
}
