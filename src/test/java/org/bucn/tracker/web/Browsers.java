package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests; in CI a missing browser fails the run instead of
 * skipping it.
 */
public final class Browsers {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browsers() {}

  public static WebDriver chromium(Path profile) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing =
        "Browser tests need Chromium: apt-get install chromium chromium-driver (.ci/run does)";
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
      // In CI a missing browser fails the run: a skipped browser test proves nothing.
      assertThat(installed).as(missing).isTrue();
    }
    if (!installed) {
      System.out.println("Skipping browser test: " + missing);
    }
    assumeThat(installed).as(missing).isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * A wait that reads the page again when it was replaced between finding an element and reading it
   * (a form posted, a redirect followed): the condition is asked again, not failed.
   */
  public static WebDriverWait waitUpTo(WebDriver browser, java.time.Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Logs in through the login page of the tracker on {@code port} and waits for the first page. */
  public static void logIn(
      WebDriver browser, WebDriverWait wait, int port, String username, String password) {
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
    browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
    wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
            org.openqa.selenium.By.cssSelector(".logout")));
  }

  /**
   * Waits for an element of the page just opened; when it never comes, the failure says which page
   * the browser shows instead and what it reads (a test failing on a busy CI box says why).
   */
  public static org.openqa.selenium.WebElement element(
      WebDriver browser, WebDriverWait wait, org.openqa.selenium.By by) {
    try {
      return wait.until(
          org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      String text = browser.findElement(org.openqa.selenium.By.tagName("body")).getText();
      throw new AssertionError(
          "No "
              + by
              + " on "
              + browser.getCurrentUrl()
              + " ("
              + browser.getTitle()
              + "): "
              + text.substring(0, Math.min(1500, text.length())),
          e);
    }
  }

  /** Saves what the browser shows under target/screenshots/{name}.png. */
  public static void screenshot(WebDriver browser, String name) throws java.io.IOException {
    java.nio.file.Path shots = java.nio.file.Path.of("target/screenshots");
    Files.createDirectories(shots);
    java.io.File shot =
        ((org.openqa.selenium.TakesScreenshot) browser)
            .getScreenshotAs(org.openqa.selenium.OutputType.FILE);
    Files.copy(
        shot.toPath(),
        shots.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * What the pages wrote to the console at level SEVERE since the last call: script errors and CSP
   * violations.
   */
  public static List<String> consoleErrors(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
