package org.bucn.tracker.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.bucn.tracker.CampaignDrill.COORDINATOR;
import static org.bucn.tracker.MailParts.attachment;
import static org.bucn.tracker.MailParts.text;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews.DeliveryStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.evidence.Evidence;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.shared.TrackerClock;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The appeal leaves from the tracker and the answer comes back into it, through real SMTP and IMAP
 * servers (GreenMail): letters with their PDF and Message-ID, threaded reminders, replies filed on
 * the right appeal exactly once, unmatched replies, and a refusing mail server.
 */
@TrackerTest
class MailRoundTripTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String CAMPAIGN_MAILBOX = "campaign@bucn.example";
  static final String REPLY_MAILBOX = "replies@bucn.example";
  static final String SUBJECT = "Appeal: do not recognise the sham elections";

  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired EvidenceService evidence;
  @Autowired Replies replies;
  @Autowired org.bucn.tracker.shared.Texts texts;
  @Autowired TrackerProperties properties;
  @Autowired TrackerClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  GreenMail mail;

  @AfterEach
  void stopMail() {
    if (mail != null) {
      mail.stop();
    }
  }

  void startMail() {
    mail = new GreenMail(TestMailPorts.SMTP_IMAP);
    mail.setUser(REPLY_MAILBOX, "replies", "secret");
    mail.start();
  }

  @Test
  void theLetterArrivesWithItsPdfAndMessageIdAndTheReminderThreadsToIt() throws Exception {
    startMail();
    Target office = office("RS", "President of the Republic");
    long appeal = sentAppeal(office, "PT1S");

    MimeMessage letter = awaitMail(office.email(), SUBJECT);
    AppealDetail detail = awaitDelivered(appeal);
    assertThat(letter.getMessageID())
        .isEqualTo(detail.submission().reference())
        .isEqualTo(detail.submission().delivery().messageId());
    assertThat(detail.submission().submittedAt()).isEqualTo(LocalDate.now(clock));
    assertThat(detail.submission().delivery().to()).isEqualTo(office.email());
    assertThat(letter.getSubject()).isEqualTo(SUBJECT);
    assertThat(addresses(letter.getRecipients(Message.RecipientType.CC)))
        .containsExactly(CAMPAIGN_MAILBOX);
    assertThat(addresses(letter.getReplyTo())).containsExactly(CAMPAIGN_MAILBOX);
    assertThat(text(letter)).contains("Vaša Ekselencijo");
    Part pdf = attachment(letter);
    assertThat(pdf.getFileName()).isEqualTo("appeal-" + appeal + "-RS.pdf");
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(new String(pdf.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    drill.complete(appeal, TaskKey.FOLLOW_UP, ADVOCATE, Map.of("channel", "EMAIL", "send", "true"));
    MimeMessage reminder = awaitMail(office.email(), "Re: " + SUBJECT);
    assertThat(reminder.getHeader("In-Reply-To", null)).isEqualTo(letter.getMessageID());
    assertThat(reminder.getHeader("References", null)).contains(letter.getMessageID());
    assertThat(text(reminder)).contains("S poštovanjem Vas podsećamo na naše pismo");
    assertThat(attachment(reminder).getFileName()).isEqualTo("appeal-" + appeal + "-RS.pdf");
    AppealDetail after = appeals.detail(appeal);
    assertThat(after.followUps()).hasSize(1);
    assertThat(after.followUps().get(0).delivery().messageId()).isEqualTo(reminder.getMessageID());
  }

  @Test
  void aReplyWithAPdfIsFiledOnItsAppealOnceThoughTwoPollersReadTheMailbox() throws Exception {
    startMail();
    long serbia = sentAppeal(office("RS", "Prime Minister"), "P14D");
    long albania = sentAppeal(office("AL", "Prime Minister"), "P14D");
    String letterId = awaitDelivered(serbia).submission().reference();
    awaitDelivered(albania);
    int albaniaEvidence = evidence.of(albania).size();

    // As every real PDF, binary from its second line: the bytes must come back exactly.
    byte[] answer =
        "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% The Government's answer\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    sendReply("Re: " + SUBJECT, letterId, answer);

    // The day the reply comes, as the tracker's clock says it; a run across midnight may see the
    // next day by the time the form is read.
    LocalDate replyDay = LocalDate.now(clock);
    ReplyMailbox first = new ReplyMailbox(properties, replies, texts);
    ReplyMailbox second = new ReplyMailbox(properties, replies, texts);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> polls =
          pool.invokeAll(List.<Callable<Integer>>of(first::poll, second::poll));
      int took = 0;
      for (Future<Integer> poll : polls) {
        took += poll.get();
      }
      assertThat(took).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(first.poll() + second.poll()).as("a filed mail is not taken again").isZero();

    // The reply and its PDF, beside what went out (the letter and its mail, kept as DELIVERY).
    List<Evidence> filed =
        evidence.of(serbia).stream()
            .filter(e -> e.kind() != org.bucn.tracker.evidence.EvidenceKind.DELIVERY)
            .toList();
    assertThat(filed)
        .extracting(Evidence::contentType)
        .containsExactly("message/rfc822", "application/pdf");
    assertThat(evidence.content(filed.get(1).id()).bytes()).isEqualTo(answer);
    assertThat(evidence.of(albania)).hasSize(albaniaEvidence);
    assertThat(appeals.detail(serbia).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("REPLY_RECEIVED");
              assertThat(e.detail()).contains("office@gov.example");
              assertThat(e.link()).isEqualTo("/api/evidence/" + filed.get(0).id() + "/content");
            });
    awaitMail("advocate@example.org", "[Tracker] Reply received from Kabinet");

    // Kept in the mailbox, marked as taken.
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("localhost", TestMailPorts.IMAP_PORT, "replies", "secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isEqualTo(1);
      assertThat(inbox.getMessage(1).getFlags().contains(ReplyMailbox.TAKEN)).isTrue();
      inbox.close(false);
    }

    // The response form shows the reply and the day it came, for a person to say what it was.
    String task = drill.awaitTask(serbia, TaskKey.RECORD_RESPONSE).id();
    mvc.perform(get("/tasks/" + task).with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.containsString("value=\"" + replyDay + "\""),
                        org.hamcrest.Matchers.containsString(
                            "value=\"" + LocalDate.now(clock) + "\""))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "/api/evidence/" + filed.get(0).id() + "/content")));
  }

  @Test
  void aReplyThatAnswersNoLetterWaitsForACoordinatorWhoFilesIt() throws Exception {
    startMail();
    long appeal = sentAppeal(office("HR", "Prime Minister"), "P14D");
    String subject = "A statement of the Government " + System.nanoTime();
    sendReply(subject, null, "%PDF-1.4\n% statement\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(new ReplyMailbox(properties, replies, texts).poll()).isEqualTo(1);

    Reply waiting =
        replies.unmatched().stream()
            .filter(r -> r.subject().equals(subject))
            .findFirst()
            .orElseThrow();
    mvc.perform(get("/api/inbox/unmatched").with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + waiting.id() + ")].subject").value(subject));
    mvc.perform(get("/inbox").with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(subject)));

    mvc.perform(
            post("/api/inbox/" + waiting.id() + "/file")
                .with(user("coordinator").roles("COORDINATOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"appealId\": 99999999}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"));
    mvc.perform(
            post("/api/inbox/" + waiting.id() + "/file")
                .with(user("coordinator").roles("COORDINATOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"appealId\": " + appeal + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.appealId").value(appeal))
        .andExpect(jsonPath("$.filedBy").value("coordinator"));
    mvc.perform(
            post("/api/inbox/" + waiting.id() + "/file")
                .with(user("coordinator").roles("COORDINATOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"appealId\": " + appeal + "}"))
        .andExpect(status().isConflict());

    assertThat(replies.unmatched()).noneMatch(r -> r.id() == waiting.id());
    assertThat(evidence.of(appeal))
        .extracting(Evidence::contentType)
        .contains("message/rfc822", "application/pdf");
  }

  @Test
  void aReplyTooLargeToKeepWaitsWithItsReasonAndDoesNotHoldUpTheNext() throws Exception {
    startMail();
    long appeal = sentAppeal(office("MK", "Prime Minister"), "P14D");
    String letterId = awaitDelivered(appeal).submission().reference();
    byte[] huge = new byte[3 * 1024 * 1024]; // over the 2 MB of application-test.yml
    new java.util.Random(3).nextBytes(huge);
    sendReply("Re: " + SUBJECT + " (with the whole archive)", letterId, huge);
    sendReply(
        "Re: " + SUBJECT,
        letterId,
        "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(new ReplyMailbox(properties, replies, texts).poll()).isEqualTo(2);
    Reply waiting =
        replies.unmatched().stream()
            .filter(r -> r.subject().endsWith("(with the whole archive)"))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.problem()).contains("TRACKER_EVIDENCE_MAX_SIZE");
    assertThat(replies.ofAppeal(appeal))
        .singleElement()
        .satisfies(r -> assertThat(r.subject()).isEqualTo("Re: " + SUBJECT));
    assertThat(new ReplyMailbox(properties, replies, texts).poll())
        .as("neither comes back")
        .isZero();
    mvc.perform(
            get("/api/inbox/" + waiting.id() + "/raw")
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("message/rfc822"));
    mvc.perform(
            post("/api/inbox/" + waiting.id() + "/file")
                .with(user("coordinator").roles("COORDINATOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"appealId\": " + appeal + "}"))
        .andExpect(status().isPayloadTooLarge());
  }

  /**
   * An outsider's mail with a 500-character Message-ID and a NUL in its subject is kept, flagged,
   * and stops no later reply.
   */
  @Test
  void aPoisonMailIsKeptAsItCameAndTheNextReplyIsStillFiled() throws Exception {
    startMail();
    long appeal = sentAppeal(office("ME", "Prime Minister"), "P14D");
    String letterId = awaitDelivered(appeal).submission().reference();
    String longId = "<" + "x".repeat(500) + "@evil.example>";
    byte[] poison =
        ("From: outsider@evil.example\r\nTo: "
                + REPLY_MAILBOX
                + "\r\nMessage-ID: "
                + longId
                + "\r\nSubject: Hello\u0000there\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPoison.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    mail.getUserManager()
        .getUser("replies")
        .deliver(
            new MimeMessage(
                Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(poison)));
    sendReply(
        "Re: " + SUBJECT, letterId, "%PDF-1.4\n% answer\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(new ReplyMailbox(properties, replies, texts).poll()).isEqualTo(2);
    assertThat(replies.ofAppeal(appeal))
        .as("the real reply, filed")
        .singleElement()
        .satisfies(r -> assertThat(r.subject()).isEqualTo("Re: " + SUBJECT));
    Reply kept =
        replies.unmatched().stream()
            .filter(r -> r.subject().startsWith("Hello"))
            .findFirst()
            .orElseThrow();
    assertThat(kept.subject()).isEqualTo("Hello there");
    assertThat(kept.messageId()).startsWith("sha256:");
    assertThat(kept.problem()).contains("Message-ID is over-long").contains("control characters");
    assertThat(new String(replies.raw(kept.id()), StandardCharsets.UTF_8))
        .as("the mail kept whole")
        .contains(longId)
        .contains("Hello\u0000there");
    assertThat(new ReplyMailbox(properties, replies, texts).poll())
        .as("neither comes back")
        .isZero();
  }

  /**
   * A mail that names a letter's Message-ID is filed as the office's answer only when it comes from
   * the office's address or domain and the trusted receiving server vouches for that domain; else
   * it waits, saying why and which appeal it names, for a coordinator.
   */
  @Test
  void aForgedReplyWaitsForACoordinatorInsteadOfBecomingTheOfficesAnswer() throws Exception {
    startMail();
    long appeal = sentAppeal(office("BA", "Presidency of Bosnia and Herzegovina"), "P14D");
    String letterId = awaitDelivered(appeal).submission().reference();
    forgedReply(
        "outsider@evil.example",
        "mx.bucn.example; dmarc=pass header.from=evil.example",
        letterId,
        "We withdraw our position");
    forgedReply("office@gov.example", null, letterId, "Unvouched");
    forgedReply(
        "office@gov.example",
        "mx.attacker.example; dmarc=pass header.from=gov.example",
        letterId,
        "Vouched by another server");

    assertThat(new ReplyMailbox(properties, replies, texts).poll()).isEqualTo(3);
    assertThat(replies.ofAppeal(appeal)).as("nothing filed as the office's answer").isEmpty();
    assertThat(appeals.detail(appeal).timeline())
        .noneMatch(e -> e.action().equals("REPLY_RECEIVED"));
    List<Reply> waiting =
        replies.unmatched().stream()
            .filter(r -> Long.valueOf(appeal).equals(r.answersAppealId()))
            .toList();
    assertThat(waiting)
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.problem()).startsWith("sender not verified"));
    assertThat(waiting)
        .filteredOn(r -> r.subject().equals("We withdraw our position"))
        .singleElement()
        .satisfies(r -> assertThat(r.problem()).contains("is not the office's address"));
    mvc.perform(get("/inbox").with(user("coordinator").roles("COORDINATOR")))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("It names the letter of")));

    // A coordinator who checked it files it by hand.
    Reply unvouched =
        waiting.stream().filter(r -> r.subject().equals("Unvouched")).findFirst().orElseThrow();
    mvc.perform(
            post("/api/inbox/" + unvouched.id() + "/file")
                .with(user("coordinator").roles("COORDINATOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"appealId\": " + appeal + "}"))
        .andExpect(status().isOk());
    assertThat(replies.ofAppeal(appeal))
        .singleElement()
        .satisfies(r -> assertThat(r.filedBy()).isEqualTo("coordinator"));
  }

  private void forgedReply(
      String from, String authenticationResults, String inReplyTo, String subject)
      throws Exception {
    MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
    reply.setFrom(new InternetAddress(from));
    if (authenticationResults != null) {
      reply.setHeader("Authentication-Results", authenticationResults);
    }
    reply.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
    reply.setSubject(subject, "UTF-8");
    reply.setHeader("In-Reply-To", inReplyTo);
    reply.setText("Text", "UTF-8");
    reply.saveChanges();
    mail.getUserManager().getUser("replies").deliver(reply);
  }

  @Test
  void aLetterTheMailServerRefusesFailsAtOnceTheAdvocateIsToldAndItCanBeSentAgain()
      throws Exception {
    String refused = "nobody@refused.example";
    Target office = office("GR", "Prime Minister");
    updateEmail(office, refused);
    try (RefusingSmtp smtp = new RefusingSmtp(TestMailPorts.SMTP_PORT, "@refused.example")) {
      long appeal = sentAppeal(targets.get(office.id()), "P14D");
      AppealDetail failed =
          Awaitility.await()
              .atMost(PATIENCE)
              .until(
                  () -> appeals.detail(appeal),
                  d -> d.submission().delivery().status() == DeliveryStatus.FAILED);
      assertThat(failed.submission().delivery().attempts()).isEqualTo(1);
      assertThat(failed.submission().delivery().lastError()).contains("550");
      assertThat(failed.timeline())
          .anySatisfy(e -> assertThat(e.action()).isEqualTo("DELIVERY_FAILED"));
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM mail_outbox WHERE recipient = 'advocate@example.org' AND subject LIKE '%Letter not delivered to "
                          + refused
                          + "%'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);

      String firstId = failed.submission().reference();
      smtp.close();
      startMail();
      updateEmail(office, "office-gr@gov.example");
      mvc.perform(
              post("/api/appeals/" + appeal + "/resend").with(user("advocate").roles("ADVOCATE")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.submission.delivery.status").value("QUEUED"));
      MimeMessage again = awaitMail("office-gr@gov.example", SUBJECT);
      AppealDetail resent = awaitDelivered(appeal);
      assertThat(again.getMessageID())
          .isEqualTo(resent.submission().reference())
          .isNotEqualTo(firstId);
      mvc.perform(
              post("/api/appeals/" + appeal + "/resend").with(user("advocate").roles("ADVOCATE")))
          .andExpect(status().isConflict());
    }
  }

  @Test
  void sendingToAnOfficeWithoutAnAddressIsRefusedNamingSendAndChangesNothing() throws Exception {
    Target office =
        targets.create(
            new TargetRequest(
                "SI",
                "Slovenia",
                "Speaker " + System.nanoTime(),
                null,
                null,
                Channel.EMAIL,
                null,
                null,
                null,
                null,
                null,
                null,
                "sl"),
            "coordinator");
    Campaign campaign =
        drill.launch(
            campaigns.create(
                new CampaignRequest(
                    "No address " + System.nanoTime(),
                    "Test",
                    Set.of(Demand.CONDEMNATION),
                    "P14D",
                    3,
                    "P30D",
                    List.of(office.id()),
                    CAMPAIGN_MAILBOX),
                COORDINATOR));
    long appeal = drill.appeal(campaign, "SI");
    drill.draftAndApprove(appeal);
    String task = drill.awaitTask(appeal, TaskKey.SUBMIT_APPEAL).id();
    mvc.perform(post("/api/tasks/" + task + "/claim").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(user("advocate").roles("ADVOCATE"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"EMAIL\", \"send\": true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("send"));
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(user("advocate").roles("ADVOCATE"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"LETTER\", \"send\": true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("send"));
    assertThat(appeals.detail(appeal).submission()).isNull();
    assertThat(drill.openTask(appeal, TaskKey.SUBMIT_APPEAL)).isPresent();
  }

  // --- helpers

  /** An office of the demo directory with an address of its own for this test. */
  private Target office(String country, String name) {
    Target office =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals(country) && t.office().equals(name))
            .findFirst()
            .orElseThrow();
    return updateEmail(
        office, "office-" + country.toLowerCase() + "-" + System.nanoTime() + "@gov.example");
  }

  private Target updateEmail(Target t, String email) {
    Target now = targets.get(t.id());
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

  /**
   * A campaign with its own mailbox to the one office; the appeal drafted in Serbian, approved and
   * sent by the tracker.
   */
  private long sentAppeal(Target office, String followUpInterval) {
    Campaign campaign =
        drill.launch(
            campaigns.create(
                new CampaignRequest(
                    "Mail " + System.nanoTime(),
                    "Test",
                    Set.of(Demand.NON_RECOGNITION),
                    followUpInterval,
                    3,
                    "P30D",
                    List.of(office.id()),
                    CAMPAIGN_MAILBOX),
                COORDINATOR));
    long appeal = drill.appeal(campaign, office.countryCode());
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        ADVOCATE,
        Map.of("text", "Subject: " + SUBJECT + "\n\nVaša Ekselencijo,\n\n...", "language", "sr"));
    drill.complete(appeal, TaskKey.REVIEW_APPEAL, COORDINATOR, Map.of("decision", "APPROVE"));
    drill.complete(
        appeal, TaskKey.SUBMIT_APPEAL, ADVOCATE, Map.of("channel", "EMAIL", "send", "true"));
    return appeal;
  }

  private AppealDetail awaitDelivered(long appeal) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> appeals.detail(appeal),
            d -> d.submission().delivery().status() == DeliveryStatus.SENT);
  }

  private void sendReply(String subject, String inReplyTo, byte[] pdf) throws Exception {
    int before = mailsTo(REPLY_MAILBOX, "").size();
    MimeMessage reply = new MimeMessage(mail.getSmtp().createSession());
    reply.setFrom(new InternetAddress("office@gov.example", "Kabinet"));
    // As the network's receiving server records it (tracker.imap.trusted-server in the tests): the
    // office's domain passed DMARC.
    reply.setHeader(
        "Authentication-Results", "mx.bucn.example; dmarc=pass (p=reject) header.from=gov.example");
    reply.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
    reply.setSubject(subject, "UTF-8");
    if (inReplyTo != null) {
      reply.setHeader("In-Reply-To", inReplyTo);
      reply.setHeader("References", inReplyTo);
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Poštovani, u prilogu je odgovor.", "UTF-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
    file.setFileName("odgovor.pdf");
    file.setDisposition(Part.ATTACHMENT);
    reply.setContent(new MimeMultipart(text, file));
    reply.saveChanges();
    jakarta.mail.Transport.send(reply);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> mailsTo(REPLY_MAILBOX, "").size() == before + 1);
  }

  private MimeMessage awaitMail(String recipient, String subjectStart) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> mailsTo(recipient, subjectStart), list -> !list.isEmpty())
        .get(0);
  }

  private List<MimeMessage> mailsTo(String recipient, String subjectStart) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      boolean to =
          Arrays.stream(m.getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> ((InternetAddress) a).getAddress().equals(recipient));
      if (to && m.getSubject().startsWith(subjectStart)) {
        found.add(m);
      }
    }
    return found;
  }

  private static List<String> addresses(jakarta.mail.Address[] addresses) {
    return addresses == null
        ? List.of()
        : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  /**
   * An SMTP server that refuses recipients of one domain for good (550) and swallows every other
   * mail: GreenMail accepts every recipient, so it cannot show a refusal.
   */
  static final class RefusingSmtp implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    RefusingSmtp(int port, String refusedDomain) throws Exception {
      server = new ServerSocket(port);
      thread =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket socket = server.accept();
                      BufferedReader in =
                          new BufferedReader(
                              new InputStreamReader(
                                  socket.getInputStream(), StandardCharsets.US_ASCII));
                      PrintWriter out =
                          new PrintWriter(
                              socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    out.print("220 refusing.test ESMTP\r\n");
                    out.flush();
                    String line;
                    boolean data = false;
                    while ((line = in.readLine()) != null) {
                      if (data) {
                        if (line.equals(".")) {
                          data = false;
                          out.print("250 OK\r\n");
                          out.flush();
                        }
                        continue;
                      }
                      String command = line.toUpperCase();
                      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        out.print("250 refusing.test\r\n");
                      } else if (command.startsWith("RCPT") && line.contains(refusedDomain)) {
                        out.print(
                            "550 5.1.1 <"
                                + line.replaceAll(".*<|>.*", "")
                                + ">: Recipient address rejected: User unknown\r\n");
                      } else if (command.startsWith("DATA")) {
                        out.print("354 End data with <CR><LF>.<CR><LF>\r\n");
                        data = true;
                      } else if (command.startsWith("QUIT")) {
                        out.print("221 Bye\r\n");
                        out.flush();
                        break;
                      } else {
                        out.print("250 OK\r\n");
                      }
                      out.flush();
                    }
                  } catch (Exception e) {
                    // closed, or a client went away
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws Exception {
      if (!server.isClosed()) {
        server.close();
        thread.join(5_000);
      }
    }
  }
}
