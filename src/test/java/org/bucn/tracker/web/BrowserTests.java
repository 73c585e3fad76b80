package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.inbox.Replies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People working in a real browser (Debian's headless Chromium): an advocate claims and drafts, a
 * coordinator approves, the appeal page tells the story. Screenshots go to target/screenshots.
 */
@TrackerTest
class BrowserTests {

  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @LocalServerPort int port;
  @Autowired CampaignDrill drill;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Browsers.chromium(profile);
    wait = Browsers.waitUpTo(browser, Duration.ofSeconds(15));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void advocateDraftsCoordinatorApprovesAndTheAppealPageShowsTheTimeline() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");

    logIn("advocate");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claimable")));
    assertThat(browser.findElement(By.id("claimable")).getText())
        .contains("You may take")
        .contains("Draft the appeal");
    screenshot("home-advocate");
    open("/tasks?tab=claimable&campaignId=" + campaign.id());
    WebElement row = browser.findElement(By.xpath("//tr[.//a[text()='Draft the appeal']]"));
    row.findElement(By.xpath(".//button[text()='Claim']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tbody"), "You took"));
    assertThat(browser.findElement(By.cssSelector("tbody")).getText())
        .contains("Ana Advocate")
        .contains("Unclaim");

    open("/tasks?tab=mine&campaignId=" + campaign.id());
    screenshot("task-list");
    browser.findElement(By.linkText("Draft the appeal")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("text")));
    WebElement text = browser.findElement(By.id("text"));
    text.clear();
    text.sendKeys("Spoštovana predsednica, pozivamo vas, da ne priznate lažnih \"volitev\" ...");
    // Languages are chosen by name, the office's own first; the code is what is stored.
    Select language = new Select(browser.findElement(By.id("language")));
    assertThat(language.getOptions().get(1).getText()).isEqualTo("Slovenian");
    language.selectByValue("");
    browser.findElement(By.cssSelector(".task-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language-error")));
    assertThat(browser.findElement(By.id("language-error")).getText()).isNotBlank();
    assertThat(browser.findElement(By.id("text")).getAttribute("value"))
        .as("input kept")
        .startsWith("Spoštovana predsednica");
    screenshot("task-form-with-error");
    new Select(browser.findElement(By.id("language"))).selectByVisibleText("Albanian");
    // The launch's checks follow the draft as it is written: Albanian is not a language of
    // Slovenia's office.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("draft-checks"), "The draft is in Albanian"));
    screenshot("task-form-live-check");
    new Select(browser.findElement(By.id("language"))).selectByValue("sl");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("draft-language-check")));
    browser.findElement(By.cssSelector(".task-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"), "Done"));
    logOut();

    logIn("coordinator");
    open("/tasks?tab=claimable&campaignId=" + campaign.id());
    browser.findElement(By.linkText("Review the appeal")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.letter")));
    assertThat(browser.findElement(By.cssSelector("pre.letter")).getText())
        .startsWith("Spoštovana predsednica");
    screenshot("task-form-review");
    browser.findElement(By.cssSelector("input[name=decision][value=APPROVE]")).click();
    browser.findElement(By.cssSelector(".task-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"), "Done"));
    assertThat(drill.openTask(appeal, TaskKey.SUBMIT_APPEAL)).isPresent();

    open("/appeals/" + appeal);
    String timeline = Browsers.element(browser, wait, By.cssSelector(".timeline")).getText();
    assertThat(timeline)
        .contains("Ana Advocate took \"Draft the appeal\"")
        .contains("Draft 1 written (Slovenian) — Ana Advocate")
        .contains("Draft 1 approved");
    assertThat(browser.findElement(By.cssSelector(".stage")).getText()).isEqualTo("submitting");
    screenshot("appeal-page");

    browser.manage().window().setSize(new Dimension(375, 800));
    open("/tasks?tab=all&campaignId=" + campaign.id());
    screenshot("task-list-375px");
    Number scrollWidth =
        (Number)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue())
        .as("no sideways scrolling on a phone")
        .isLessThanOrEqualTo(375);
  }

  @Test
  void theCoordinatorsStartPageShowsTheSilentTargetAndWhatIsOverdue() throws Exception {
    logIn("coordinator");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("escalations")));
    assertThat(browser.findElement(By.id("escalations")).getText()).contains("Kosovo");
    assertThat(browser.findElement(By.id("escalations")).findElements(By.cssSelector(".overdue")))
        .isNotEmpty();
    assertThat(browser.findElement(By.id("overdue")).getText()).doesNotContain("Nothing overdue");
    assertThat(browser.findElement(By.id("campaign-progress")).getText())
        .contains("No recognition of the Kremlin");
    screenshot("start-coordinator");
    assertThat(consoleErrors())
        .as("the start page's console: its progress bars are sized without style attributes")
        .isEmpty();
    browser.findElement(By.id("overdue")).findElement(By.linkText("Ana Advocate")).click();
    wait.until(ExpectedConditions.urlContains("assignee=advocate"));
    assertThat(
            new Select(browser.findElement(By.id("f-assignee"))).getFirstSelectedOption().getText())
        .isEqualTo("Ana Advocate");
    assertThat(browser.findElement(By.id("f-overdue")).isSelected()).isTrue();
  }

  @Test
  void closingACampaignAsksFirstAndSaysWhatHappens(@Autowired CampaignService campaigns)
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL", "HR");
    logIn("coordinator");
    open("/campaigns/" + campaign.id());
    browser.findElement(By.xpath("//button[text()='Close the campaign now']")).click();
    org.openqa.selenium.Alert question = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(question.getText())
        .isEqualTo(
            "Close the campaign now? 2 open appeals will be withdrawn and their tasks end; nothing recorded is lost.");
    question.dismiss();
    assertThat(campaigns.get(campaign.id()).status())
        .as("dismissed: nothing happens")
        .isEqualTo(CampaignStatus.ACTIVE);
    browser.findElement(By.xpath("//button[text()='Close the campaign now']")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.success")));
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.CLOSED);
  }

  @Test
  void searchingVucicFindsTheSerbianAppeal() throws Exception {
    logIn("advocate");
    WebElement box = browser.findElement(By.id("header-q"));
    box.sendKeys("vucic");
    box.submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-results")));
    assertThat(browser.findElement(By.cssSelector(".search-results")).getText())
        .contains("President of the Republic, Serbia");
    assertThat(browser.findElements(By.cssSelector(".snippet mark")))
        .extracting(WebElement::getText)
        .contains("Vučić");
    screenshot("search-vucic");
  }

  @Autowired TaskAssignments assignments;

  @Test
  void coordinatorBulkAssignsSelectedTasksToAnAdvocate() throws Exception {
    Campaign campaign =
        drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL", "BG", "HR");
    logIn("coordinator");
    open("/tasks?tab=claimable&campaignId=" + campaign.id());
    // The list shows all three before any is ticked (once, under a busy suite, it showed one).
    wait.until(
        page -> {
          if (page.findElements(By.cssSelector("input[name=taskIds]")).size() == 3) {
            return true;
          }
          page.navigate().refresh();
          return false;
        });
    for (WebElement box : browser.findElements(By.cssSelector("input[name=taskIds]"))) {
      box.click();
    }
    assertThat(browser.findElements(By.cssSelector("input[name=taskIds]:checked"))).hasSize(3);
    new Select(browser.findElement(By.id("bulk-assignee"))).selectByValue("advocate2");
    browser.findElement(By.xpath("//button[text()='Assign selected']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    assertThat(browser.findElements(By.cssSelector(".flash.error")))
        .as("no task refused: %s", browser.findElement(By.tagName("main")).getText())
        .isEmpty();
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .isEqualTo("Assigned 3 of 3 tasks to advocate2");
    for (String country : new String[] {"AL", "BG", "HR"}) {
      assertThat(drill.awaitTask(drill.appeal(campaign, country), TaskKey.DRAFT_APPEAL).assignee())
          .isEqualTo("advocate2");
    }
    assertThat(browser.getCurrentUrl())
        .as("back on the same tab and filters")
        .contains("tab=claimable")
        .contains("campaignId=" + campaign.id());
    screenshot("bulk-assigned-undo");
    browser.findElement(By.id("undo-assignment")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"),
            "Undone: 3 of 3 tasks are back with whoever held them before"));
    assertThat(drill.awaitTask(drill.appeal(campaign, "BG"), TaskKey.DRAFT_APPEAL).assignee())
        .as("undone")
        .isNull();
    // The rest of the walk goes on with Bulgaria's draft given again.
    assignments.assign(
        drill.awaitTask(drill.appeal(campaign, "BG"), TaskKey.DRAFT_APPEAL).id(),
        "advocate2",
        CampaignDrill.COORDINATOR);

    // A review is a coordinator's decision: with one selected, advocates are not offered, and the
    // page says why.
    drill.complete(
        drill.appeal(campaign, "BG"),
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE2,
        java.util.Map.of("text", "Ваше превъзходителство, …", "language", "bg"));
    open("/tasks?tab=all&taskKey=reviewAppeal&campaignId=" + campaign.id());
    browser.findElement(By.cssSelector("input[name=taskIds][data-group=COORDINATOR]")).click();
    assertThat(browser.findElement(By.id("bulk-why")).getText())
        .startsWith("Advocates are not offered: 1 selected task(s) are coordinators' decisions");
    assertThat(
            browser
                .findElement(By.cssSelector("#bulk-assignee option[value=advocate2]"))
                .isEnabled())
        .isFalse();
  }

  @Test
  void coordinatorCreatesACampaignWritesItsLetterAndLaunchesIt() throws Exception {
    logIn("coordinator");
    open("/campaigns/new");
    String title = "Browser campaign " + System.nanoTime();
    browser.findElement(By.id("title")).sendKeys(title);
    browser.findElement(By.id("summary")).sendKeys("Non-recognition of the sham vote.");
    browser.findElement(By.xpath("//label[contains(., 'Montenegro: President')]/input")).click();
    browser
        .findElement(By.xpath("//label[contains(., 'Serbia: President of the Republic')]/input"))
        .click();
    screenshot("campaign-new");
    browser.findElement(By.xpath("//button[text()='Create the campaign as a draft']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"), "draft"));

    new Select(browser.findElement(By.id("letter-language")))
        .selectByVisibleText("Serbian (Latin)");
    browser.findElement(By.id("letter-subject")).sendKeys("Apel: {{campaignTitle}}");
    WebElement body = browser.findElement(By.id("letter-body"));
    body.sendKeys("{{salutation}} molimo {{formalTitle}} za {{demands}}.");
    browser.findElement(By.name("isDefault")).click();
    browser.findElement(By.xpath("//button[text()='Save the letter']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"), "Saved the Serbian (Latin) letter (default)"));

    // Every letter as it will be drafted, before anything goes out.
    browser.findElement(By.partialLinkText("Preview the 2 letters")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".letter-preview")));
    String letters = browser.findElement(By.tagName("main")).getText();
    assertThat(letters)
        .contains(
            "Vaša Ekselencijo, molimo Predsednik Republike Srbije za osuda, nepriznavanje, sankcije i krivična odgovornost.")
        .contains("Vaša Ekselencijo, molimo Predsjednik Crne Gore");
    screenshot("campaign-letters-preview");
    browser.navigate().back();

    browser.findElement(By.xpath("//button[starts-with(text(), 'Launch')]")).click();
    assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText())
        .startsWith("Launch and draft 2 letters now?");
    browser.switchTo().alert().accept();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".flash.success"), "Launched to 2 targets"));
    screenshot("campaign-page");

    Browsers.element(browser, wait, By.linkText("Serbia")).click();
    // The appeal opens in a job of its own a moment after the launch: reload, as a person would.
    wait.until(
        d -> {
          if (d.findElements(By.cssSelector("pre.letter")).isEmpty()) {
            d.navigate().refresh();
            return false;
          }
          return true;
        });
    String draft = browser.findElement(By.cssSelector("pre.letter")).getText();
    assertThat(draft)
        .contains(
            "Vaša Ekselencijo, molimo Predsednik Republike Srbije za osuda, nepriznavanje, sankcije i krivična odgovornost.");
    assertThat(browser.findElement(By.cssSelector(".draft-subject")).getText())
        .isEqualTo("Apel: " + title);
  }

  @Test
  void managerSeesTheCampaignDashboardWithChartsMapAndProcessDiagram() throws Exception {
    long demo = jdbc.sql("SELECT min(id) FROM campaign").query(Long.class).single();
    logIn("manager");
    open("/campaigns/" + demo + "/dashboard");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-diagram.loaded")));
    // diagram-js shows overlays once the zoom has settled.
    wait.until(
        ExpectedConditions.attributeContains(
            By.cssSelector(".djs-overlay-container"), "style", "matrix"));
    assertThat(browser.findElements(By.cssSelector(".waiting-badge")))
        .as("waiting counts on the diagram")
        .isNotEmpty();
    assertThat(
            browser.findElements(
                By.cssSelector(".tilemap rect.tile-CONDEMNED, .tilemap rect.tile-SANCTIONS")))
        .isNotEmpty();
    Object drawn =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "return Chart.getChart(document.getElementById('chart-stages')) != null");
    assertThat(drawn).isEqualTo(true);
    screenshot("campaign-dashboard");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('process-diagram').scrollIntoView()");
    // The overlays are placed again after scrolling: two frames later they are drawn.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeAsyncScript(
            "var done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
    screenshot("campaign-dashboard-diagram");
    assertThat(consoleErrors())
        .as("the dashboard's console, Content-Security-Policy reports included")
        .isEmpty();
    Object fills =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "var box = document.getElementById('process-diagram').getBoundingClientRect();"
                    + "var drawn = document.querySelector('#process-diagram .viewport').getBoundingClientRect();"
                    + "return Math.min(drawn.width / box.width, drawn.height / box.height);");
    assertThat(((Number) fills).doubleValue())
        .as("share of the box the diagram fills, along its shorter side")
        .isGreaterThan(0.85);
  }

  @Test
  void aCoordinatorAppealsSerbiasNonAlignmentFromItsCountryPage() throws Exception {
    logIn("coordinator");
    open("/targets");
    Browsers.element(browser, wait, By.linkText("Serbia")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cfsp")));
    assertThat(browser.findElement(By.id("cfsp")).getText())
        .contains("Council Decision (CFSP) 2022/266")
        .contains("Serbia 2022 Report");
    assertThat(browser.findElement(By.id("offices")).getText()).contains("President");
    screenshot("country-serbia");
    browser
        .findElement(By.id("cfsp"))
        .findElement(By.xpath(".//tr[contains(., '2022/266')]//button"))
        .click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.urlMatches(".*/campaigns/\\d+$"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Align with Council Decision (CFSP) 2022/266: Serbia");
    assertThat(browser.findElement(By.cssSelector(".summary")).getText())
        .contains("recorded as not aligned");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void swaggerUiShowsTheApiToALoggedInPerson() throws Exception {
    logIn("advocate");
    open("/api/docs");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
    assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText())
        .contains("Sanctions Campaign Tracker API");
    assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock")).size())
        .isGreaterThan(50);
    screenshot("swagger-ui");
    assertThat(consoleErrors())
        .as("Swagger UI under the tracker's Content-Security-Policy")
        .isEmpty();
  }

  /**
   * The attack the security review ran: the user once answered the API's Basic prompt in this
   * browser, then a page of another site auto-submits a form to close a campaign.
   */
  @Test
  void aPageOfAnotherSiteCannotCloseACampaignThroughTheBrowsersCredentials(
      @Autowired CampaignService campaigns) throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "BG");
    browser.get("http://coordinator:demo@localhost:" + port + "/api/me");
    byte[] page =
        ("<!DOCTYPE html><html><body><form method='post' action='http://localhost:"
                + port
                + "/api/campaigns/"
                + campaign.id()
                + "/close'><input name='x' value='1'></form><script>document.forms[0].submit()</script></body></html>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    com.sun.net.httpserver.HttpServer otherSite =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    otherSite.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    otherSite.start();
    try {
      browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
      wait.until(ExpectedConditions.urlContains("/api/campaigns/"));
      wait.until(d -> d.getPageSource().contains("\"status\""));
      screenshot("cross-site-close-refused");
      assertThat(browser.getPageSource()).containsAnyOf("\"status\":403", "\"status\":401");
    } finally {
      otherSite.stop(0);
    }
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.ACTIVE);
  }

  @Test
  void
      advocateSendsTheAppealFromTheSubmissionFormAndLaterSeesTheReplyAndItsAttachmentOnTheAppealPage(
          @Autowired TaskAssignments assignments,
          @Autowired AppealService appeals,
          @Autowired Replies replies)
          throws Exception {
    GreenMail smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
    try {
      Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RO");
      long appeal = drill.appeal(campaign, "RO");
      drill.draftAndApprove(appeal);
      String office = appeals.detail(appeal).target().email();
      assignments.claim(
          drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id(), CampaignDrill.ADVOCATE);

      logIn("advocate");
      open("/tasks/" + drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-now")));
      assertThat(browser.findElement(By.cssSelector("#send-now .mail-envelope")).getText())
          .as("the exact recipient shown")
          .contains(office)
          .contains("appeal-" + appeal + "-RO.pdf");
      assertThat(browser.findElements(By.cssSelector("input[type=checkbox][name=send]")))
          .as("two actions, never a checkbox")
          .isEmpty();
      screenshot("submission-send-by-mail");
      browser.findElement(By.cssSelector("#send-now button[type=submit]")).click();
      browser.switchTo().alert().accept();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash.success"), "Done"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Arrays.stream(smtp.getReceivedMessages())
                      .anyMatch(m -> recipients(m).contains(office)));
      String letterId =
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> appeals.detail(appeal).submission(),
                  s -> s.delivery().status().name().equals("SENT"))
              .reference();

      open("/appeals/" + appeal);
      assertThat(browser.findElement(By.id("delivery")).getText())
          .contains("sent")
          .contains(office);

      // The office answers, and the tracker reads its mailbox.
      MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
      reply.setFrom(new InternetAddress(office));
      reply.setHeader(
          "Authentication-Results",
          "mx.bucn.example; dmarc=pass header.from=" + office.substring(office.indexOf('@') + 1));
      reply.setRecipients(Message.RecipientType.TO, "replies@bucn.example");
      reply.setSubject("Re: your appeal");
      reply.setHeader("In-Reply-To", letterId);
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Stimate domnule, vă transmitem răspunsul.", "UTF-8");
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(
          new jakarta.activation.DataHandler(
              new ByteArrayDataSource(
                  "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1),
                  "application/pdf")));
      file.setFileName("raspuns.pdf");
      file.setDisposition(Part.ATTACHMENT);
      reply.setContent(new MimeMultipart(text, file));
      reply.saveChanges();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      reply.writeTo(raw);
      assertThat(
              replies.take(
                  "<browser-reply-" + appeal + "@gov.example>",
                  raw.toByteArray(),
                  OffsetDateTime.now()))
          .isTrue();

      open("/appeals/" + appeal);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence table")));
      String evidence = browser.findElement(By.id("evidence")).getText();
      assertThat(evidence)
          .contains("raspuns.pdf")
          .contains("application/pdf")
          .contains("reply-")
          .contains("message/rfc822");
      assertThat(browser.findElement(By.cssSelector(".timeline")).getText())
          .contains("Reply received from " + office);
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("document.getElementById('evidence').scrollIntoView()");
      screenshot("appeal-page-with-reply");

      // And adds the press statement she found, from the same page.
      Path statement = Files.createTempFile("statement", ".txt");
      Files.writeString(statement, "The President condemns the sham vote.");
      browser.findElement(By.id("evidence-file")).sendKeys(statement.toAbsolutePath().toString());
      new Select(browser.findElement(By.id("evidence-kind"))).selectByValue("STATEMENT");
      browser.findElement(By.id("evidence-description")).sendKeys("Press statement");
      browser.findElement(By.cssSelector("#evidence form button[type=submit]")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash.success"), "Added"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("evidence"), "Press statement"));
      assertThat(browser.findElement(By.id("evidence")).getText()).contains("text/plain");
    } finally {
      smtp.stop();
    }
  }

  /**
   * A letter posted by courier, recorded as such, mailed later by the tracker, then its reference
   * corrected.
   */
  @Test
  void aLetterSentAnotherWayIsMailedLaterFromTheAppealPageAndItsSubmissionCorrected(
      @Autowired TaskAssignments assignments, @Autowired AppealService appeals) throws Exception {
    GreenMail smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
    try {
      Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "BG");
      long appeal = drill.appeal(campaign, "BG");
      drill.draftAndApprove(appeal);
      String office = appeals.detail(appeal).target().email();
      assignments.claim(
          drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id(), CampaignDrill.ADVOCATE);

      logIn("advocate");
      open("/tasks/" + drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.letter-image")));
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel")))
          .selectByValue("LETTER");
      browser.findElement(By.id("reference")).sendKeys("Courier 7781");
      screenshot("submission-another-way");
      browser
          .findElement(By.xpath("//button[text()='Record the letter sent another way']"))
          .click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash.success"), "Done"));
      assertThat(
              Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(office)))
          .as("recorded, nothing mailed")
          .isEmpty();

      open("/appeals/" + appeal);
      browser.findElement(By.cssSelector("#send-later button")).click();
      browser.switchTo().alert().accept();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash.success"), "queued to be sent by e-mail"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Arrays.stream(smtp.getReceivedMessages())
                      .anyMatch(m -> recipients(m).contains(office)));
      screenshot("appeal-sent-later");
      logOut();

      logIn("coordinator");
      open("/appeals/" + appeal);
      browser.findElement(By.cssSelector("#correct-submission summary")).click();
      WebElement reference = browser.findElement(By.id("fix-reference"));
      reference.clear();
      reference.sendKeys("Courier 7787");
      browser.findElement(By.id("fix-submission-reason")).sendKeys("The receipt reads 7787");
      screenshot("appeal-correction");
      browser.findElement(By.xpath("//button[text()='Correct the submission']")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".flash.success"), "Corrected"));
      assertThat(browser.findElement(By.cssSelector(".timeline")).getText())
          .contains(
              "reference \"Courier 7781\" → \"Courier 7787\", because: The receipt reads 7787");
      assertThat(appeals.detail(appeal).submission().reference()).isEqualTo("Courier 7787");
      screenshot("appeal-corrected");
    } finally {
      smtp.stop();
    }
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .map(a -> ((InternetAddress) a).getAddress())
          .toList();
    } catch (Exception e) {
      return List.of();
    }
  }

  private void logIn(String username) {
    Browsers.logIn(browser, wait, port, username, "demo");
  }

  private void logOut() {
    browser.findElement(By.cssSelector(".logout button")).click();
    wait.until(ExpectedConditions.urlContains("/login?logout"));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private List<String> consoleErrors() {
    return Browsers.consoleErrors(browser);
  }

  private void screenshot(String name) throws Exception {
    Browsers.screenshot(browser, name);
  }
}
