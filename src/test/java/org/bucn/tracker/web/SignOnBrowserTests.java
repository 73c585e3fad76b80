package org.bucn.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.MailParts;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.campaign.LetterRequest;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.cosigning.CoSignatures;
import org.bucn.tracker.shared.TrackerClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Ukrainian analyst signs a campaign's letter in a real browser: the sign-on page in Ukrainian
 * shows the letter in Ukrainian; the link to confirm comes by mail (GreenMail), and once the
 * coordinators approve, her name is on the public list. Screenshots go to target/screenshots.
 */
@TrackerTest
class SignOnBrowserTests {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/public/signatures/\\S+)");

  @LocalServerPort int port;
  @Autowired CampaignDrill drill;
  @Autowired Letters letters;
  @Autowired CoSignatures signatures;
  @Autowired TrackerClock clock;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Browsers.chromium(profile);
    wait = Browsers.waitUpTo(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSignerInUkrainianConfirmsByMailAndIsOnThePublicList() throws Exception {
    GreenMail smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
    try {
      Campaign campaign =
          drill.draft(Set.of(Demand.NON_RECOGNITION), "P14D", 2, "P30D", null, "AL");
      letters.save(
          campaign.id(),
          "en",
          new LetterRequest(
              "No recognition", "{{salutation}}\n\nWe ask you for {{demands}}.", true),
          CampaignDrill.COORDINATOR);
      letters.save(
          campaign.id(),
          "uk",
          new LetterRequest(
              "Жодного визнання",
              "{{salutation}}\n\nПросимо вас не визнавати «вибори».\n\nЗ повагою",
              false),
          CampaignDrill.COORDINATOR);
      signatures.open(campaign.id(), null, CampaignDrill.COORDINATOR);
      String email = "olena" + System.nanoTime() + "@example.org";

      open("/public/campaigns/" + campaign.id() + "/sign?lang=uk");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Підпишіть звернення");
      assertThat(browser.findElement(By.id("letter")).getText())
          .as("the letter in the reader's language")
          .contains("Жодного визнання")
          .contains("Просимо вас не визнавати")
          .as("its paragraphs stay paragraphs")
          .contains("«вибори».\n\nЗ повагою");
      Browsers.screenshot(browser, "sign-on-uk");

      browser.findElement(By.id("name")).sendKeys("Олена Коваленко");
      browser.findElement(By.id("title")).sendKeys("аналітикиня");
      browser.findElement(By.id("email")).sendKeys(email);
      browser.findElement(By.id("listPublicly")).click();
      // A person takes longer than the form's two seconds to fill it in: the tracker's clock says
      // they did, without the test sleeping.
      clock.move(Duration.ofSeconds(5));
      try {
        browser.findElement(By.cssSelector("#sign button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
      } finally {
        clock.move(Duration.ofSeconds(-5));
      }
      assertThat(browser.findElement(By.id("sent")).getText()).contains(email);
      Browsers.screenshot(browser, "sign-on-uk-sent");

      MimeMessage mail =
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      Arrays.stream(smtp.getReceivedMessages())
                          .filter(m -> to(m).contains(email))
                          .findFirst(),
                  java.util.Optional::isPresent)
              .get();
      String text = MailParts.text(mail);
      assertThat(mail.getSubject()).startsWith("Підтвердьте свій підпис");
      Matcher link = LINK.matcher(text);
      assertThat(link.find()).as("the mail carries the link: " + text).isTrue();
      open(link.group(1));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
      browser.findElement(By.id("confirm")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
      assertThat(browser.findElement(By.id("done")).getText()).startsWith("Дякуємо");
      Browsers.screenshot(browser, "sign-on-uk-confirmed");

      long id =
          signatures.all(campaign.id()).stream()
              .filter(s -> email.equals(s.email()))
              .findFirst()
              .orElseThrow()
              .id();
      signatures.decide(
          campaign.id(), id, new CoSignatures.Decision(true, null), CampaignDrill.COORDINATOR);

      open("/public/campaigns/" + campaign.id() + "/sign?lang=uk");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signatories")));
      assertThat(browser.findElement(By.id("signatories")).getText())
          .contains("Олена Коваленко, аналітикиня");
      assertThat(browser.findElement(By.id("counts")).getText())
          .as("no \"no organisation\" when only people co-sign")
          .isEqualTo("Наразі співпідписує 1 особа.");
      assertThat(browser.getPageSource()).doesNotContain(email);
      Browsers.screenshot(browser, "sign-on-uk-listed");
    } finally {
      smtp.stop();
    }
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private static String to(Message message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }
}
