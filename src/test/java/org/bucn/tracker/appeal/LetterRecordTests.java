package org.bucn.tracker.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.bucn.tracker.CampaignDrill.COORDINATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.MailParts;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews.DeliveryStatus;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.evidence.Evidence;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationRequest;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.organisation.Signatory;
import org.bucn.tracker.shared.TrackerClock;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The record is proof: an e-mail submission is recorded only when a mail went (or the advocate says
 * it went from another mailbox), what went is kept byte for byte as the SMTP server got it and
 * never changes after, a letter sent another way can still be mailed later, and every letter
 * carries one date and one signature.
 */
@TrackerTest
class LetterRecordTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String SUBJECT = "Appeal: refuse to recognise the sham vote";

  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired EvidenceService evidence;
  @Autowired OrganisationService organisation;
  @Autowired LetterPdf letterPdf;
  @Autowired TrackerClock clock;
  @Autowired MockMvc mvc;

  GreenMail mail;

  @AfterEach
  void stopMail() {
    if (mail != null) {
      mail.stop();
    }
  }

  @Test
  void anEmailSubmissionIsRecordedOnlyWhenTheMailWentOrWentFromAnotherMailbox() throws Exception {
    long appeal = approvedAppeal(office("ME", "Prime Minister"), "cnr");
    String task = drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id();
    mvc.perform(post("/api/tasks/" + task + "/claim").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk());
    String today = LocalDate.now(clock).toString();
    mvc.perform(
            complete(
                task,
                "{\"submittedAt\": \""
                    + today
                    + "\", \"channel\": \"EMAIL\", \"reference\": \"sent?\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("send"));
    mvc.perform(
            complete(
                task,
                "{\"submittedAt\": \""
                    + today
                    + "\", \"channel\": \"EMAIL\", \"sentElsewhere\": true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reference"));
    mvc.perform(complete(task, "{\"channel\": \"EMAIL\", \"send\": true, \"sentElsewhere\": true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sentElsewhere"));
    assertThat(appeals.detail(appeal).submission()).as("nothing recorded").isNull();
    assertThat(drill.openTask(appeal, TaskKey.SUBMIT_APPEAL)).isPresent();

    mvc.perform(
            complete(
                task,
                "{\"submittedAt\": \""
                    + today
                    + "\", \"channel\": \"EMAIL\", \"sentElsewhere\": true, "
                    + "\"reference\": \"<abc-123@mail.network.example>\"}"))
        .andExpect(status().isOk());
    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.submission().sentElsewhere()).isTrue();
    assertThat(detail.submission().delivery()).as("the tracker mailed nothing").isNull();
    assertThat(detail.submission().letterEvidenceId())
        .as("the letter as approved is kept")
        .isNotNull();
    assertThat(detail.timeline())
        .anySatisfy(e -> assertThat(e.detail()).contains("by e-mail from another mailbox"));
  }

  @Test
  void whatWentIsKeptByteForByteAsTheServerGotItAndNeverChanges() throws Exception {
    startMail();
    Target office = office("AL", "President of the Republic");
    long appeal = approvedAppeal(office, "sq");
    drill.complete(
        appeal, TaskKey.SUBMIT_APPEAL, ADVOCATE, Map.of("channel", "EMAIL", "send", "true"));
    MimeMessage received = awaitMail(office.email(), SUBJECT);
    AppealDetail detail = awaitDelivered(appeal);

    Evidence keptPdf = evidence.get(detail.submission().letterEvidenceId());
    Evidence keptMail = evidence.get(detail.submission().mailEvidenceId());
    assertThat(List.of(keptPdf.kind(), keptMail.kind())).containsOnly(EvidenceKind.DELIVERY);
    assertThat(keptPdf.contentType()).isEqualTo("application/pdf");
    assertThat(keptMail.contentType()).isEqualTo("message/rfc822");
    assertThat(keptMail.sha256())
        .as("the .eml kept is what the SMTP server received")
        .isEqualTo(sha256(asReceived(received)));
    assertThat(keptPdf.sha256())
        .as("the PDF kept is the one attached")
        .isEqualTo(sha256(attachment(received)));

    byte[] before = letter(appeal, "sent");
    assertThat(sha256(before)).isEqualTo(keptPdf.sha256());

    Organisation original = organisation.get();
    Target officeBefore = targets.get(office.id());
    try {
      organisation.save(
          new OrganisationRequest(
              original.name() + " (renamed)",
              "Trg 1\nSarajevo",
              original.email(),
              original.website(),
              Map.of(
                  "en",
                  new Signatory("Arta Krasniqi", "Director"),
                  "sq",
                  new Signatory("Arta Krasniqi", "Drejtoreshë"))),
          "admin");
      update(officeBefore, "Someone Else", "Bulevardi Dëshmorët e Kombit\nTiranë");
      assertThat(sha256(letter(appeal, "sent")))
          .as("the archived letter after letterhead, signatory and office changed")
          .isEqualTo(keptPdf.sha256());
      assertThat(text(letterPdf.render(appeals.letter(appeal))))
          .as("a new rendering would differ: the comparison can fail")
          .contains("Arta Krasniqi");
      assertThat(evidence.get(keptMail.id()).sha256()).isEqualTo(keptMail.sha256());
    } finally {
      organisation.save(
          new OrganisationRequest(
              original.name(),
              original.postalAddress(),
              original.email(),
              original.website(),
              original.signatories()),
          "admin");
      update(targets.get(office.id()), officeBefore.holderName(), officeBefore.postalAddress());
    }
  }

  @Test
  void aLetterSentAnotherWayIsMailedLaterAsItWentAndRemindersThreadToThatMail() throws Exception {
    startMail();
    Target office = office("MK", "President");
    long appeal = approvedAppeal(office, "mk", "PT1S");
    drill.complete(
        appeal,
        TaskKey.SUBMIT_APPEAL,
        ADVOCATE,
        Map.of(
            "submittedAt",
            LocalDate.now(clock).minusDays(1).toString(),
            "channel",
            "LETTER",
            "reference",
            "Courier receipt 44-17"));
    String kept = evidence.get(appeals.detail(appeal).submission().letterEvidenceId()).sha256();
    assertThat(sha256(letter(appeal, "sent"))).isEqualTo(kept);

    // An advocate who does not carry the appeal, and a manager, may not send it.
    mvc.perform(post("/api/appeals/" + appeal + "/send").with(user("advocate2").roles("ADVOCATE")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/appeals/" + appeal + "/send").with(user("manager").roles("MANAGER")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/appeals/" + appeal + "/send").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.submission.delivery.status").value("QUEUED"))
        .andExpect(jsonPath("$.submission.channel").value("LETTER"))
        .andExpect(jsonPath("$.submission.reference").value("Courier receipt 44-17"));
    MimeMessage letter = awaitMail(office.email(), SUBJECT);
    AppealDetail detail = awaitDelivered(appeal);
    assertThat(letter.getMessageID()).isEqualTo(detail.submission().delivery().messageId());
    assertThat(sha256(attachment(letter))).as("the PDF as it went by post").isEqualTo(kept);
    assertThat(detail.submission().letterEvidenceId())
        .as("still the one kept at the submission")
        .isNotNull();
    assertThat(evidence.get(detail.submission().letterEvidenceId()).sha256()).isEqualTo(kept);
    assertThat(sha256(asReceived(letter)))
        .isEqualTo(evidence.get(detail.submission().mailEvidenceId()).sha256());
    // Never twice.
    mvc.perform(
            post("/api/appeals/" + appeal + "/send").with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isConflict());

    drill.complete(appeal, TaskKey.FOLLOW_UP, ADVOCATE, Map.of("channel", "EMAIL", "send", "true"));
    MimeMessage reminder = awaitMail(office.email(), "Re: " + SUBJECT);
    assertThat(reminder.getHeader("In-Reply-To", null)).isEqualTo(letter.getMessageID());
    assertThat(sha256(attachment(reminder))).isEqualTo(kept);
    assertThat(text(reminder))
        .as("the reminder dates the letter as the letter does")
        .contains(Letters.date(detail.submission().submittedAt(), "mk", "MK"));
  }

  @Test
  void everyLetterCarriesOneDateAndOneSignatureAndTheLetterheadKeepsItsLines() throws Exception {
    Organisation original = organisation.get();
    try {
      organisation.save(
          new OrganisationRequest(
              original.name(),
              "Ulica mira 1\n11000 Beograd\nSrbija",
              original.email(),
              original.website(),
              original.signatories()),
          "admin");
      Target office = office("RS", "President of the Republic");
      long appeal = approvedAppeal(office, "sr-Latn");
      String text = text(letterPdf.render(appeals.letter(appeal)));
      String signatory = original.signatory("sr-Latn").orElseThrow().name();
      assertThat(count(text, signatory)).as("one signature").isEqualTo(1);
      assertThat(count(text, Letters.date(LocalDate.now(clock), "sr-Latn", "RS")))
          .as("one date")
          .isEqualTo(1);
      assertThat(text)
          .as("the letterhead's address on its own lines")
          .contains("Ulica mira 1\n11000 Beograd\nSrbija");
    } finally {
      organisation.save(
          new OrganisationRequest(
              original.name(),
              original.postalAddress(),
              original.email(),
              original.website(),
              original.signatories()),
          "admin");
    }
    Campaign draft =
        campaigns.create(
            new CampaignRequest(
                "Layout " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(office("HR", "President of the Republic").id()),
                null),
            COORDINATOR);
    for (String placeholder : List.of("{{date}}", "{{signatory}}")) {
      mvc.perform(
              put("/api/campaigns/" + draft.id() + "/letters/hr")
                  .with(user("coordinator").roles("COORDINATOR"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"subject\": \"Apel\", \"body\": \"{{salutation}}\\n\\nTekst.\\n\\nZagreb, "
                          + placeholder
                          + "\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("body"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(org.hamcrest.Matchers.containsString("layout")));
    }
  }

  // --- helpers

  private org.springframework.test.web.servlet.RequestBuilder complete(String task, String json) {
    return post("/api/tasks/" + task + "/complete")
        .with(user("advocate").roles("ADVOCATE"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(json);
  }

  /** The letter as the API gives it, checking that it says whether it went. */
  private byte[] letter(long appeal, String status) throws Exception {
    return mvc.perform(
            get("/api/appeals/" + appeal + "/letter.pdf").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(header().string("Letter-Status", status))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private void startMail() {
    mail = new GreenMail(TestMailPorts.SMTP);
    mail.start();
  }

  private Target office(String country, String name) {
    Target office =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals(country) && t.office().equals(name))
            .findFirst()
            .orElseThrow();
    Target now = targets.get(office.id());
    String email = "office-" + country.toLowerCase() + "-" + System.nanoTime() + "@gov.example";
    return targets.update(
        now.id(),
        new TargetRequest(
            now.countryCode(),
            now.country(),
            now.office(),
            now.holderName(),
            null,
            now.channel(),
            now.contact(),
            email,
            now.postalAddress(),
            now.website(),
            now.verifiedOn(),
            now.source(),
            now.language(),
            now.languages()),
        "coordinator");
  }

  private void update(Target now, String holder, String postalAddress) {
    targets.update(
        now.id(),
        new TargetRequest(
            now.countryCode(),
            now.country(),
            now.office(),
            holder,
            null,
            now.channel(),
            now.contact(),
            now.email(),
            postalAddress,
            now.website(),
            now.verifiedOn(),
            now.source(),
            now.language(),
            now.languages()),
        "coordinator");
  }

  private long approvedAppeal(Target office, String language) {
    return approvedAppeal(office, language, "P14D");
  }

  private long approvedAppeal(Target office, String language, String followUpInterval) {
    Campaign campaign =
        drill.launch(
            campaigns.create(
                new CampaignRequest(
                    "Proof " + System.nanoTime(),
                    "Test",
                    Set.of(Demand.NON_RECOGNITION),
                    followUpInterval,
                    3,
                    "P30D",
                    List.of(office.id()),
                    "campaign@bucn.example"),
                COORDINATOR));
    long appeal = drill.appeal(campaign, office.countryCode());
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        ADVOCATE,
        Map.of("subject", SUBJECT, "text", "Text of the appeal.", "language", language));
    drill.complete(appeal, TaskKey.REVIEW_APPEAL, COORDINATOR, Map.of("decision", "APPROVE"));
    return appeal;
  }

  private AppealDetail awaitDelivered(long appeal) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> appeals.detail(appeal),
            d ->
                d.submission().delivery() != null
                    && d.submission().delivery().status() == DeliveryStatus.SENT);
  }

  private MimeMessage awaitMail(String recipient, String subjectStart) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> to(m).contains(recipient) && subject(m).startsWith(subjectStart))
                    .findFirst(),
            java.util.Optional::isPresent)
        .get();
  }

  private static List<String> to(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .map(a -> ((InternetAddress) a).getAddress())
          .toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The bytes the server received, without the trace headers it put on top as every receiving
   * server does (Return-Path, Received): what the sender's SMTP client sent. The mail's last line
   * break travels as the first half of SMTP's end-of-data marker, which GreenMail keeps none of.
   */
  private static byte[] asReceived(MimeMessage received) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    received.writeTo(bytes);
    String raw = bytes.toString(StandardCharsets.ISO_8859_1);
    Matcher trace =
        Pattern.compile(
                "\\A(?:(?:Return-Path|Received):[^\\r\\n]*\\r\\n(?:[ \\t][^\\r\\n]*\\r\\n)*)*")
            .matcher(raw);
    String mail = trace.find() ? raw.substring(trace.end()) : raw;
    return (mail.endsWith("\r\n") ? mail : mail + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] attachment(MimeMessage message) throws Exception {
    return MailParts.attachment(message).getInputStream().readAllBytes();
  }

  private static String text(MimeMessage message) throws Exception {
    return MailParts.text(message);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace("\r\n", "\n");
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
