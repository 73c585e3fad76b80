package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator who works in Ukrainian, and one who works in Serbian, walk the pages of a day's
 * work in a real browser: the start page, the task list, a task, an appeal with its timeline, the
 * campaign and its dashboard. Every label is in their language, times are on their clock, and no
 * word of the English interface is left. The start page in each interface language is saved under
 * target/screenshots.
 */
@TrackerTest
class InterfaceLanguageBrowserTests {

  /**
   * Words of the English interface on these pages (labels, headings, buttons, timeline sentences):
   * none may be left on a page read in another language. The data's own words (an office's English
   * title, a campaign's name) are not the interface's.
   */
  static final List<String> ENGLISH_LABELS =
      List.of(
          "Tasks",
          "Campaigns",
          "Dashboard",
          "Log out",
          "What needs you now",
          "Your tasks",
          "My tasks",
          "Claimable",
          "Sort by",
          "Due",
          "Stage",
          "Assignee",
          "Claim",
          "Assign",
          "Draft the appeal",
          "Review the appeal",
          "drafting",
          "in review",
          "Decision",
          "Approve",
          "Record the decision",
          "The appeal so far",
          "Timeline",
          "What was recorded",
          "Open now",
          "Evidence",
          "Add the note",
          "Follow-ups",
          "Response",
          "Sanctions",
          "Submitted",
          "Appeals",
          "Country",
          "Office",
          "Demands",
          "Created",
          "Launched",
          "The letter",
          "appeals",
          "submitted",
          "answered",
          "Countries",
          "Where each country stands",
          "Campaign launched",
          "written",
          "took",
          "waiting",
          "overdue",
          "nobody",
          "Save");

  @LocalServerPort int port;
  @Autowired CampaignDrill drill;
  @Autowired UserService users;
  @Autowired org.bucn.tracker.campaign.CampaignService campaigns;
  @Autowired org.bucn.tracker.target.TargetService targets;

  String appealPage;
  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Browsers.chromium(profile);
    wait = Browsers.waitUpTo(browser, Duration.ofSeconds(15));
    Files.createDirectories(BrowserTests.SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCoordinatorWhoWorksInUkrainianReadsEveryPageInUkrainianOnKyivTime() throws Exception {
    // She starts in English and switches on her profile, as a new colleague would.
    String olena = coordinator("Олена Коваль", "en", "Europe/Belgrade");
    logIn(olena);
    open("/profile");
    new Select(browser.findElement(By.id("language"))).selectByValue("uk");
    new Select(browser.findElement(By.id("timeZone"))).selectByValue("Europe/Kyiv");
    browser.findElement(By.cssSelector("#settings + form button[type=submit]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "uk"));
    Map<String, String> pages = walk(olena, "uk");

    assertThat(pages.get("start")).contains("Що потребує вас зараз");
    assertThat(pages.get("tasks")).contains("Завдання").contains("Перевірити звернення");
    assertThat(pages.get("task")).contains("Рішення").contains("Звернення досі");
    assertThat(pages.get("appeal"))
        .contains("Хронологія")
        .contains("Чернетку 1 написано")
        .contains("Звернення до: Сербія");
    assertThat(pages.get("campaign")).contains("Вимоги").contains("Звернення");
    assertThat(pages.get("dashboard")).contains("Де перебуває кожна країна");
    assertNoEnglishInterfaceWord(pages);
    assertTimelineOnTheClockOf("Europe/Kyiv", "d MMM yyyy, HH:mm", "uk");
  }

  @Test
  void aCoordinatorWhoWorksInSerbianReadsEveryPageInSerbianLatin() throws Exception {
    String milica = coordinator("Milica Jovanović", "sr-Latn", "Europe/Belgrade");
    Map<String, String> pages = walk(milica, "sr-Latn");

    assertThat(pages.get("start")).contains("Šta vas sada čeka");
    assertThat(pages.get("tasks")).contains("Zadaci").contains("Pregledati apel");
    assertThat(pages.get("task")).contains("Odluka").contains("Apel do sada");
    assertThat(pages.get("appeal"))
        .contains("Hronologija")
        .contains("Nacrt 1 napisan")
        .contains("Apel: Srbija");
    assertThat(pages.get("campaign")).contains("Zahtevi");
    assertThat(pages.get("dashboard")).contains("Gde je koja zemlja");
    assertNoEnglishInterfaceWord(pages);
    assertTimelineOnTheClockOf("Europe/Belgrade", "d. MMMM yyyy. 'u' HH:mm", "sr-Latn");
  }

  @Test
  void theStartPageInEachInterfaceLanguage() throws Exception {
    String person = coordinator("Ana Polyglot", "en", "Europe/Belgrade");
    logIn(person);
    for (InterfaceLanguage language : InterfaceLanguage.values()) {
      users.updateSettings(person, language.tag(), "Europe/Belgrade");
      open("/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
          .isEqualTo(language.tag());
      screenshot("start-" + language.tag());
    }
  }

  /** A coordinator of their own, so that no other test sees their language. */
  private String coordinator(String name, String language, String zone) {
    String username = "lang" + System.nanoTime();
    users.create(
        new UserService.NewUser(
            username, PASSWORD, username + "@example.org", name, Set.of(Role.COORDINATOR)));
    users.updateSettings(username, language, zone);
    return username;
  }

  private static final String PASSWORD = "kyiv belgrade tirana 2026";

  /**
   * A campaign to Serbia whose appeal was drafted and waits for review, then each page of the walk
   * as its text, by name.
   */
  private Map<String, String> walk(String username, String tag) throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS");
    long appeal = drill.appeal(campaign, "RS");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Poštovani gospodine predsedniče, …", "language", "sr-Latn"));
    String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();

    if (browser.findElements(By.cssSelector(".logout")).isEmpty()) {
      logIn(username);
    }
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("start", read("/", tag, "start"));
    pages.put("tasks", read("/tasks?tab=all&campaignId=" + campaign.id(), tag, "tasks"));
    pages.put("task", read("/tasks/" + review, tag, "task"));
    appealPage = "/appeals/" + appeal;
    pages.put("appeal", read(appealPage, tag, "appeal"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence form")));
    pages.put("appeal", text());
    pages.put("campaign", read("/campaigns/" + campaign.id(), tag, "campaign"));
    pages.put("dashboard", read("/campaigns/" + campaign.id() + "/dashboard", tag, "dashboard"));
    return pages;
  }

  private String read(String path, String tag, String name) throws Exception {
    open(path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(tag);
    screenshot(name + "-" + tag);
    return text();
  }

  /**
   * What the page says, without the options of its lists (campaign titles and people's names are
   * the data's words, not the interface's).
   */
  private String text() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var page = document.body.cloneNode(true);"
                    + "page.querySelectorAll('select').forEach(function (s) { s.remove(); });"
                    + "document.body.appendChild(page); page.style.display = 'block';"
                    + "var text = page.innerText; page.remove(); return text;");
  }

  /**
   * No English interface word on any page; the data's own words (campaign titles other tests give,
   * offices, holders) are taken out first.
   */
  private void assertNoEnglishInterfaceWord(Map<String, String> pages) {
    List<String> data = new ArrayList<>();
    campaigns.findAll().forEach(c -> data.add(c.title()));
    targets
        .findAll()
        .forEach(
            t -> {
              data.add(t.office());
              if (t.holderName() != null) {
                data.add(t.holderName());
              }
            });
    data.sort(java.util.Comparator.comparing(String::length).reversed());
    List<String> found = new ArrayList<>();
    pages.forEach(
        (page, shown) -> {
          String text = shown;
          for (String words : data) {
            text = text.replace(words, " ");
          }
          for (String label : ENGLISH_LABELS) {
            var word =
                Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(label) + "(?![\\p{L}-])")
                    .matcher(text);
            if (word.find()) {
              found.add(
                  page
                      + ": "
                      + label
                      + " in \""
                      + text.substring(
                          Math.max(0, word.start() - 40), Math.min(text.length(), word.end() + 40))
                      + "\"");
            }
          }
        });
    assertThat(found).as("English interface words on pages read in another language").isEmpty();
  }

  /** The appeal page writes each timeline line's time on the reader's clock, in their words. */
  private void assertTimelineOnTheClockOf(String zone, String pattern, String tag) {
    open(appealPage);
    List<WebElement> times = browser.findElements(By.cssSelector("ol.timeline time"));
    assertThat(times).hasSizeGreaterThanOrEqualTo(3);
    for (WebElement time : times) {
      OffsetDateTime at = OffsetDateTime.parse(time.getAttribute("datetime"));
      assertThat(time.getText())
          .isEqualTo(
              DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(tag))
                  .format(at.atZoneSameInstant(ZoneId.of(zone))));
    }
  }

  private void logIn(String username) {
    Browsers.logIn(browser, wait, port, username, PASSWORD);
  }

  private void open(String path) {
    browser.get(path.startsWith("http") ? path : "http://localhost:" + port + path);
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
