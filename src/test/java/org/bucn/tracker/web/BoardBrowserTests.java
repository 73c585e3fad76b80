package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The campaign board on a 1366×768 laptop, as a coordinator works it from the keyboard: how many
 * offices fit in the first screen, how few Tab presses reach the first one, and the keys that move,
 * open, select and show the help.
 */
@TrackerTest
class BoardBrowserTests {

  @LocalServerPort int port;
  @Autowired CampaignDrill drill;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Browsers.chromium(profile);
    browser.manage().window().setSize(new Dimension(1366, 768));
    wait = Browsers.waitUpTo(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCoordinatorWorksTheBoardFromTheKeyboardOnALaptopScreen() throws Exception {
    Campaign campaign =
        drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "HR", "AL", "BA", "ME");
    Browsers.logIn(browser, wait, port, "coordinator", "demo");
    open("/campaigns/" + campaign.id() + "/board");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board-first")));
    Browsers.screenshot(browser, "board-1366x768");
    assertThat(Browsers.consoleErrors(browser)).isEmpty();

    // One line per office: how many fit between the first row's top and the bottom of the screen.
    long fit =
        (Long)
            js(
                "var row = document.getElementById('board-first').getBoundingClientRect();"
                    + "return Math.floor((window.innerHeight - row.top) / row.height);");
    long rowHeight =
        (Long)
            js(
                "return Math.round(document.getElementById('board-first')"
                    + ".getBoundingClientRect().height);");
    System.out.printf(
        "Board at 1366x768: rows of %d px, %d offices in the first screen%n", rowHeight, fit);
    assertThat(rowHeight).as("a compact line per office").isLessThanOrEqualTo(18);
    assertThat(fit).as("offices in the first screen of a laptop").isGreaterThanOrEqualTo(25);

    // Tab reaches the skip link, Enter lands on the first office: one Tab press.
    int tabs = 0;
    // From the page as it loads, nothing focused yet.
    do {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      tabs++;
    } while (!"skip".equals(active().getAttribute("class")) && tabs < 10);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertThat(active().getAttribute("id")).isEqualTo("board-first");
    assertThat(tabs).as("Tab presses to the first office").isLessThanOrEqualTo(3);

    // j and k move between offices, x selects, ? shows the keys, Enter opens the appeal.
    new Actions(browser).sendKeys("j").perform();
    WebElement second = active();
    assertThat(second.getTagName()).isEqualTo("tr");
    assertThat(second.getAttribute("id")).isNotEqualTo("board-first");
    new Actions(browser).sendKeys("x").perform();
    assertThat(second.findElement(By.cssSelector("input[name=taskIds]")).isSelected()).isTrue();
    new Actions(browser).sendKeys("k").perform();
    assertThat(active().getAttribute("id")).isEqualTo("board-first");
    new Actions(browser).sendKeys("?").perform();
    assertThat(browser.findElement(By.id("board-keys-help")).getAttribute("open")).isNotNull();
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    String appeal = active().getAttribute("data-href");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + appeal));

    // / goes to the filter.
    open("/campaigns/" + campaign.id() + "/board");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board-first")));
    js("document.getElementById('board-first').focus()");
    new Actions(browser).sendKeys("/").perform();
    assertThat(active().getAttribute("id")).isEqualTo("board-q");
  }

  /**
   * Printed, the board and the appeal page are their content: no header, search, forms or buttons.
   */
  @Test
  void aPrintedPageIsItsContentWithoutNavigationOrControls() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS");
    long appeal = drill.appeal(campaign, "RS");
    Browsers.logIn(browser, wait, port, "coordinator", "demo");
    for (String page :
        java.util.List.of("/campaigns/" + campaign.id() + "/board", "/appeals/" + appeal)) {
      open(page);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
      ((org.openqa.selenium.chromium.HasCdp) browser)
          .executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
      try {
        assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed())
            .as(page + ": the header is not printed")
            .isFalse();
        assertThat(browser.findElements(By.cssSelector("button, input, select")))
            .as(page + ": no control is printed")
            .noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Serbia");
        Browsers.screenshot(browser, "print-" + page.replaceAll("[^a-z0-9]+", "-"));
      } finally {
        ((org.openqa.selenium.chromium.HasCdp) browser)
            .executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
      }
    }
  }

  /**
   * On a 390×844 phone: the header is one line with a menu button that opens the navigation, and no
   * page of the day's work scrolls sideways.
   */
  @Test
  void onAPhoneTheHeaderIsOneLineAndNoPageScrollsSideways() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "BA");
    long appeal = drill.appeal(campaign, "RS");
    String task = drill.awaitTask(appeal, org.bucn.tracker.appeal.TaskKey.DRAFT_APPEAL).id();
    browser.manage().window().setSize(new Dimension(390, 844));
    Browsers.logIn(browser, wait, port, "coordinator", "demo");
    java.util.List<String> wide = new java.util.ArrayList<>();
    for (String page :
        java.util.List.of(
            "/",
            "/tasks?tab=all",
            "/tasks/" + task,
            "/campaigns",
            "/campaigns/" + campaign.id(),
            "/campaigns/" + campaign.id() + "/board",
            "/campaigns/" + campaign.id() + "/dashboard",
            "/appeals/" + appeal,
            "/targets",
            "/dashboard",
            "/inbox",
            "/search?q=Serbia",
            "/notices",
            "/calendar",
            "/profile")) {
      open(page);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
      long scrollWidth = (Long) js("return document.documentElement.scrollWidth");
      long width = (Long) js("return window.innerWidth");
      if (scrollWidth > width) {
        wide.add(page + ": " + scrollWidth + " px in " + width);
        Browsers.screenshot(browser, "phone-wide" + page.replaceAll("[^a-z0-9]+", "-"));
      }
    }
    assertThat(wide).as("pages that scroll sideways on a 390 px phone").isEmpty();

    // The task list's rows are compact cards: four or more to a phone screen.
    open("/tasks?tab=all");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.task-rows tbody tr")));
    long card =
        (Long)
            js(
                "var r = document.querySelector('table.task-rows tbody tr');"
                    + "var s = getComputedStyle(r);"
                    + "return Math.round(r.getBoundingClientRect().height + parseFloat(s.marginBottom));");
    long perScreen = (Long) js("return window.innerHeight") / card;
    js("document.querySelector('table.task-rows tbody tr').scrollIntoView()");
    System.out.printf("Task list at 390x844: cards of %d px, %d to a screen%n", card, perScreen);
    Browsers.screenshot(browser, "phone-task-list");
    assertThat(perScreen).as("task cards to a phone screen").isGreaterThanOrEqualTo(4);

    open("/campaigns/" + campaign.id() + "/board");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
    long header =
        (Long)
            js(
                "return Math.round(document.querySelector('header.top').getBoundingClientRect().height)");
    Browsers.screenshot(browser, "phone-board");
    assertThat(header).as("the header on a phone, in px").isLessThanOrEqualTo(64);
    assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("bell")).isDisplayed())
        .as("the bell beside the menu")
        .isTrue();
    browser.findElement(By.cssSelector(".menu-toggle")).click();
    assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".menu-toggle")).getAttribute("aria-expanded"))
        .isEqualTo("true");
    Browsers.screenshot(browser, "phone-menu-open");
  }

  /**
   * The bell in the header counts a notice told while the page is open, without a reload (htmx
   * re-reads it every 30 seconds), and leads to the list where the notice opens its task.
   */
  @Test
  void theBellCountsANewNoticeWithoutAReload(
      @Autowired org.bucn.tracker.appeal.step.TaskAssignments assignments) throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "XK");
    String task =
        drill
            .awaitTask(drill.appeal(campaign, "XK"), org.bucn.tracker.appeal.TaskKey.DRAFT_APPEAL)
            .id();
    Browsers.logIn(browser, wait, port, "advocate2", "demo");
    open("/campaigns");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bell[title]")));
    int before = unread();

    assignments.assign(task, "advocate2", CampaignDrill.COORDINATOR);
    Browsers.waitUpTo(browser, Duration.ofSeconds(45)).until(b -> unread() == before + 1);
    assertThat(browser.getCurrentUrl()).as("no reload").endsWith("/campaigns");
    Browsers.screenshot(browser, "bell-unread");

    browser.findElement(By.id("bell")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.notices")));
    browser.findElement(By.xpath("//ol[@class='notices']/li[1]//button")).click();
    wait.until(ExpectedConditions.urlContains("/tasks/" + task));
    assertThat(Browsers.consoleErrors(browser)).isEmpty();
  }

  /** The bell's unread count as the header shows it now (0 when it shows none). */
  private int unread() {
    java.util.List<WebElement> count = browser.findElements(By.cssSelector("#bell .count"));
    return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText().replace("+", ""));
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }
}
