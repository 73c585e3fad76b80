package org.bucn.tracker.inbox;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.TrackerApplication;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How big the database grows with evidence, and how long one poll of the reply mailbox takes to
 * file 100 replies, each against a baseline measured in the same run on the same cluster: the size
 * of the same bytes in a plain {@code bytea} table, and the time to insert them there. Run with
 * {@code ./mvnw -Pbench verify}; not part of the test suite.
 */
public final class EvidenceBenchmark {

  static final int FILES = 1000;
  static final int FILE_SIZE = 200 * 1024;
  static final int REPLIES = 100;

  private EvidenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("tracker-evidence-bench");
    GreenMail mail = new GreenMail(TestMailPorts.SMTP_IMAP);
    mail.setUser("replies@bucn.example", "replies", "secret");
    mail.start();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TrackerApplication.class)
            .run(
                "--server.port=0",
                "--tracker.data-dir=" + dataDir,
                "--tracker.demo=true",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off",
                "--tracker.imap.host=localhost",
                "--tracker.imap.port=" + TestMailPorts.IMAP_PORT,
                "--tracker.imap.username=replies",
                "--tracker.imap.password=secret",
                "--tracker.imap.security=NONE",
                "--tracker.imap.poll=PT1H",
                "--tracker.imap.trusted-server=mx.bucn.example")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      EvidenceService evidence = app.getBean(EvidenceService.class);
      List<Long> appeals = awaitAppeals(jdbc);
      Random random = new Random(42);

      // 1. Size: 1,000 files of 200 kB (random bytes: as incompressible as real PDFs and scans).
      jdbc.sql("CREATE TABLE bench_plain_bytes (id bigserial PRIMARY KEY, bytes bytea)").update();
      jdbc.sql("ALTER TABLE bench_plain_bytes ALTER COLUMN bytes SET STORAGE EXTERNAL").update();
      jdbc.sql("CHECKPOINT").update();
      long before = databaseSize(jdbc);
      long evidenceNanos = 0;
      long plainNanos = 0;
      for (int i = 0; i < FILES; i++) {
        byte[] bytes = new byte[FILE_SIZE];
        random.nextBytes(bytes);
        bytes[0] = '%';
        bytes[1] = 'P';
        bytes[2] = 'D';
        bytes[3] = 'F';
        bytes[4] = '-';
        long t0 = System.nanoTime();
        evidence.add(
            appeals.get(i % appeals.size()),
            new NewEvidence(EvidenceKind.RESPONSE_LETTER, "Benchmark file " + i, null),
            "file-" + i + ".pdf",
            bytes,
            "bench");
        long t1 = System.nanoTime();
        jdbc.sql("INSERT INTO bench_plain_bytes (bytes) VALUES (?)").param(bytes).update();
        long t2 = System.nanoTime();
        evidenceNanos += t1 - t0;
        plainNanos += t2 - t1;
      }
      long evidenceBytes =
          relationSize(jdbc, "evidence")
              + relationSize(jdbc, "evidence_content")
              + relationSize(jdbc, "appeal_timeline");
      long plainBytes = relationSize(jdbc, "bench_plain_bytes");
      long after = databaseSize(jdbc);

      // 2. Filing: 100 replies, each answering one appeal's letter, each with a 200 kB attachment,
      // read in one poll.
      for (int i = 0; i < REPLIES; i++) {
        long appeal = appeals.get(i % appeals.size());
        String letterId = "<bench-letter-" + i + "@tracker.example>";
        if (i < appeals.size()) {
          jdbc.sql(
                  "INSERT INTO appeal_submission (appeal_id, submitted_on, channel, message_id, reference, recorded_by) "
                      + "VALUES (?, current_date, 'EMAIL', ?, ?, 'bench') ON CONFLICT (appeal_id) DO UPDATE SET message_id = EXCLUDED.message_id")
              .params(appeal, letterId, letterId)
              .update();
        }
        byte[] attachment = new byte[FILE_SIZE];
        random.nextBytes(attachment);
        deliverReply(
            mail,
            jdbc.sql("SELECT message_id FROM appeal_submission WHERE appeal_id = ?")
                .param(appeal)
                .query(String.class)
                .single(),
            officeEmail(jdbc, appeal),
            attachment,
            i);
      }
      ReplyMailbox mailbox = app.getBean(ReplyMailbox.class);
      long t0 = System.nanoTime();
      int took = mailbox.poll();
      double pollSeconds = (System.nanoTime() - t0) / 1e9;
      long filed =
          jdbc.sql("SELECT count(*) FROM inbound_mail WHERE appeal_id IS NOT NULL")
              .query(Long.class)
              .single();

      // The same filing without IMAP: 100 more replies handed to Replies.take directly.
      Replies replies = app.getBean(Replies.class);
      long takeNanos = 0;
      for (int i = 0; i < REPLIES; i++) {
        long appeal = appeals.get(i % appeals.size());
        byte[] attachment = new byte[FILE_SIZE];
        random.nextBytes(attachment);
        MimeMessage reply =
            reply(
                jdbc.sql("SELECT message_id FROM appeal_submission WHERE appeal_id = ?")
                    .param(appeal)
                    .query(String.class)
                    .single(),
                officeEmail(jdbc, appeal),
                attachment,
                REPLIES + i);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        reply.writeTo(raw);
        long s0 = System.nanoTime();
        replies.take(
            "<direct-" + i + "@gov.example>", raw.toByteArray(), java.time.OffsetDateTime.now());
        takeNanos += System.nanoTime() - s0;
      }

      // Baseline for the poll: the same 100 attachments inserted as plain rows.
      long b0 = System.nanoTime();
      for (int i = 0; i < REPLIES; i++) {
        byte[] bytes = new byte[FILE_SIZE];
        random.nextBytes(bytes);
        jdbc.sql("INSERT INTO bench_plain_bytes (bytes) VALUES (?)").param(bytes).update();
      }
      double plainReplySeconds = (System.nanoTime() - b0) / 1e9;

      System.out.printf(
          Locale.ROOT,
          "%n%,d evidence files of %,d bytes over %d appeals:%n",
          FILES,
          FILE_SIZE,
          appeals.size());
      System.out.printf(
          Locale.ROOT,
          "  database grew %.1f MB (%.1f MB before, %.1f MB after); evidence tables %.1f MB%n",
          mb(after - before),
          mb(before),
          mb(after),
          mb(evidenceBytes));
      System.out.printf(
          Locale.ROOT,
          "  baseline: the same bytes in a plain bytea table %.1f MB -> evidence / plain = %.3f%n",
          mb(plainBytes),
          evidenceBytes / (double) plainBytes);
      System.out.printf(
          Locale.ROOT,
          "  adding one file: %.2f ms; one plain bytea insert: %.2f ms -> ratio %.2f%n",
          evidenceNanos / 1e6 / FILES,
          plainNanos / 1e6 / FILES,
          evidenceNanos / (double) plainNanos);
      System.out.printf(
          Locale.ROOT,
          "%nOne poll took %d of %d replies (filed: %d) in %.2f s (%.1f ms per reply); "
              + "baseline: %d plain 200 kB inserts %.2f s -> ratio %.1f%n",
          took,
          REPLIES,
          filed,
          pollSeconds,
          pollSeconds * 1000 / REPLIES,
          REPLIES,
          plainReplySeconds,
          pollSeconds / plainReplySeconds);
      System.out.printf(
          Locale.ROOT,
          "Filing alone (no IMAP): %.1f ms per reply -> ratio to a plain insert %.1f%n",
          takeNanos / 1e6 / REPLIES,
          (takeNanos / 1e9) / plainReplySeconds);
    } finally {
      mail.stop();
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<Long> awaitAppeals(JdbcClient jdbc) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      List<Long> ids = jdbc.sql("SELECT id FROM appeal ORDER BY id").query(Long.class).list();
      if (!ids.isEmpty()) {
        return ids;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The demo campaign opened no appeals");
  }

  private static void deliverReply(
      GreenMail mail, String inReplyTo, String from, byte[] attachment, int n) throws Exception {
    mail.getUserManager().getUser("replies").deliver(reply(inReplyTo, from, attachment, n));
  }

  /** The address the appeal's office has in the directory: its replies are filed by themselves. */
  private static String officeEmail(JdbcClient jdbc, long appeal) {
    return jdbc.sql(
            "SELECT t.email FROM appeal a JOIN target_directory t ON t.id = a.target_id WHERE a.id = ?")
        .param(appeal)
        .query(String.class)
        .single();
  }

  private static MimeMessage reply(String inReplyTo, String from, byte[] attachment, int n)
      throws Exception {
    MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
    reply.setFrom(new InternetAddress(from));
    reply.setHeader(
        "Authentication-Results",
        "mx.bucn.example; dmarc=pass header.from=" + from.substring(from.indexOf('@') + 1));
    reply.setRecipients(Message.RecipientType.TO, "replies@bucn.example");
    reply.setSubject("Re: appeal " + n, "UTF-8");
    reply.setHeader("In-Reply-To", inReplyTo);
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Reply " + n, "UTF-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, "application/pdf")));
    file.setFileName("reply-" + n + ".pdf");
    file.setDisposition(Part.ATTACHMENT);
    reply.setContent(new MimeMultipart(text, file));
    reply.saveChanges();
    return reply;
  }

  private static long databaseSize(JdbcClient jdbc) {
    return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
  }

  private static long relationSize(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT pg_total_relation_size(?::regclass)")
        .param(table)
        .query(Long.class)
        .single();
  }

  private static double mb(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
