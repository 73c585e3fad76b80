package org.bucn.tracker.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.AppealDeliveries;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.FiledReplies;
import org.bucn.tracker.appeal.Timeline;
import org.bucn.tracker.evidence.Evidence;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.bucn.tracker.notification.Notices;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files replies: a mail that answers an appeal's letter goes onto that appeal as evidence (the
 * whole mail and each attachment) with a timeline line, and the advocate holding the appeal is
 * told; any other mail waits in the unmatched list until a coordinator files it. A mail is taken
 * once, however many nodes read the mailbox: the first to record its key files it.
 */
@Service
public class Replies implements FiledReplies {

  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  /**
   * A Message-ID as a letter's is written: no control characters, no longer than the tracker's own
   * are stored.
   */
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s\\p{Cc}]{1,248}>");

  /**
   * The longest mailbox key kept as it is; longer (or unprintable) ones are kept as their SHA-256.
   */
  static final int KEY_MAX = 200;

  /** Who files what arrives by itself. */
  static final String MAILBOX = "mailbox";

  private final JdbcClient jdbc;
  private final AppealDeliveries deliveries;
  private final AppealService appeals;
  private final EvidenceService evidence;
  private final Timeline timeline;
  private final Notices notices;
  private final String trustedServer;
  private final Session session = Session.getInstance(new Properties());

  Replies(
      JdbcClient jdbc,
      AppealDeliveries deliveries,
      AppealService appeals,
      EvidenceService evidence,
      Timeline timeline,
      Notices notices,
      TrackerProperties properties) {
    this.jdbc = jdbc;
    this.trustedServer = properties.imap() == null ? null : properties.imap().trustedServer();
    this.deliveries = deliveries;
    this.appeals = appeals;
    this.evidence = evidence;
    this.timeline = timeline;
    this.notices = notices;
  }

  /**
   * Takes one mail read from the mailbox: records it under its key unless another poller did
   * already (then false), and files it on the appeal it answers when its sender is verified ({@link
   * ReplySender}); a mail that names a letter but not a verified sender waits in the unmatched
   * list, saying so and which appeal it claims to answer.
   */
  @Transactional
  public boolean take(String key, byte[] raw, OffsetDateTime receivedAt) {
    MimeMessage mail = parse(raw);
    String messageId = header(mail, "Message-ID");
    if (messageId != null
        && MESSAGE_ID.matcher(messageId.strip()).matches()
        && deliveries.appealAnswered(Set.of(messageId.strip())).isPresent()) {
      return false; // the copy of a letter the tracker sent, to the campaign mailbox: not a reply
    }
    Optional<Long> appeal = deliveries.appealAnswered(referencedIds(mail));
    Optional<String> unverified =
        appeal.flatMap(
            a ->
                ReplySender.problem(
                    address(mail),
                    appeals.detail(a).target().email(),
                    headers(mail, "Authentication-Results"),
                    trustedServer));
    Stored stored = stored(key, mail);
    String problem =
        unverified
            .map(p -> stored.problem() == null ? p : p + "; " + stored.problem())
            .orElse(stored.problem());
    Optional<Long> id =
        insert(
            stored.key(),
            stored.messageId(),
            stored.from(),
            stored.subject(),
            receivedAt,
            raw,
            problem,
            appeal.orElse(null));
    if (id.isEmpty()) {
      return false;
    }
    if (appeal.isPresent() && unverified.isEmpty()) {
      file(id.get(), appeal.get(), mail, raw, MAILBOX);
    } else if (appeal.isPresent()) {
      log.warn(
          "Reply {} names appeal {}'s letter but waits in the unmatched list: {}",
          id.get(),
          appeal.get(),
          unverified.get());
    } else {
      log.info(
          "Reply {} from {} matches no appeal; it waits in the unmatched list",
          id.get(),
          stored.from());
    }
    return true;
  }

  /**
   * A mail that could not be taken as usual (unreadable, or too large to keep as evidence): kept
   * unfiled with the reason, for a coordinator, so that it is neither lost nor read again forever.
   * Whatever its headers hold, it is stored: the raw bytes whole, the rest cleaned and cut.
   */
  @Transactional
  public void keepUnfiled(String key, byte[] raw, OffsetDateTime receivedAt, String problem) {
    Stored stored;
    try {
      stored = stored(key, parse(raw));
    } catch (RuntimeException e) {
      stored = new Stored(mailboxKey(key), null, "(unreadable)", "(unreadable)", null);
    }
    String reason = clean(problem, 2000);
    insert(
        stored.key(),
        stored.messageId(),
        stored.from(),
        stored.subject(),
        receivedAt,
        raw,
        stored.problem() == null ? reason : reason + "; " + stored.problem(),
        null);
  }

  /**
   * What is stored of a mail besides its bytes: each value printable and cut to its column, saying
   * what was changed.
   */
  record Stored(String key, String messageId, String from, String subject, String problem) {}

  private static Stored stored(String key, MimeMessage mail) {
    String messageId = header(mail, "Message-ID");
    String from = from(mail);
    String subject = subject(mail);
    List<String> changed = new ArrayList<>();
    if (messageId != null && (messageId.length() > 250 || CONTROL.matcher(messageId).find())) {
      changed.add("its Message-ID is over-long or unprintable (kept by its SHA-256)");
      messageId = "sha256:" + org.bucn.tracker.shared.Hashes.sha256(messageId);
    }
    if (from != null && (from.length() > 400 || CONTROL.matcher(from).find())
        || subject != null && (subject.length() > 1000 || CONTROL.matcher(subject).find())) {
      changed.add(
          "its sender or subject held control characters or was over-long (shown cleaned; the mail is kept whole)");
    }
    return new Stored(
        mailboxKey(key),
        messageId,
        clean(from, 400),
        clean(subject, 1000),
        changed.isEmpty() ? null : String.join("; ", changed));
  }

  /**
   * The key a mail is recorded under: as it is, or its SHA-256 when over-long or unprintable (an
   * outsider writes it).
   */
  static String mailboxKey(String key) {
    return key.length() <= KEY_MAX && !CONTROL.matcher(key).find()
        ? key
        : "sha256:" + org.bucn.tracker.shared.Hashes.sha256(key);
  }

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  /**
   * Printable and no longer than {@code max}: control characters (NUL, line breaks) become spaces.
   */
  private static String clean(String value, int max) {
    return value == null ? null : clip(CONTROL.matcher(value).replaceAll(" "), max);
  }

  /** Records a mail under its key, unless a poller recorded it already (then empty). */
  private Optional<Long> insert(
      String key,
      String messageId,
      String from,
      String subject,
      OffsetDateTime receivedAt,
      byte[] raw,
      String problem,
      Long answers) {
    return jdbc.sql(
            """
            INSERT INTO inbound_mail (mailbox_key, message_id, from_address, subject, received_at, raw, problem, answers_appeal_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_key) DO NOTHING RETURNING id
            """)
        .params(key, messageId, from, subject, receivedAt, raw, problem, answers)
        .query(Long.class)
        .optional();
  }

  /** The mail exactly as read from the mailbox, for a coordinator to read before filing it. */
  @Transactional(readOnly = true)
  public byte[] raw(long replyId) {
    return jdbc.sql("SELECT raw FROM inbound_mail WHERE id = ?")
        .param(replyId)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .orElseThrow(() -> new NotFoundException("reply", replyId));
  }

  @Transactional(readOnly = true)
  public List<Reply> unmatched() {
    return jdbc.sql(SELECT + " WHERE appeal_id IS NULL ORDER BY id").query(Reply.class).list();
  }

  /** The replies filed on an appeal, newest first. */
  @Transactional(readOnly = true)
  public List<Reply> ofAppeal(long appealId) {
    return jdbc.sql(SELECT + " WHERE appeal_id = ? ORDER BY received_at DESC, id DESC")
        .param(appealId)
        .query(Reply.class)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<FiledReply> filedTo(long appealId) {
    return ofAppeal(appealId).stream()
        .map(r -> new FiledReply(r.receivedAt(), r.fromAddress(), r.subject(), r.evidenceId()))
        .toList();
  }

  /** A coordinator files a waiting mail on an appeal; 409 when it was filed already. */
  @Transactional
  public Reply fileByHand(long replyId, Long appealId, String by) {
    if (appealId == null) {
      throw new InvalidFieldException("appealId", "refusal.reply.appealRequired");
    }
    Reply reply =
        jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
            .param(replyId)
            .query(Reply.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("reply", replyId));
    if (reply.appealId() != null) {
      throw new ConflictException(
          null, "refusal.reply.filedAlready", String.valueOf(reply.appealId()));
    }
    try {
      appeals.requireExists(appealId);
    } catch (NotFoundException e) {
      throw new InvalidFieldException("appealId", "refusal.reply.notAnAppeal");
    }
    byte[] raw = raw(replyId);
    file(replyId, appealId, parse(raw), raw, by);
    return jdbc.sql(SELECT + " WHERE id = ?").param(replyId).query(Reply.class).single();
  }

  private void file(long replyId, long appealId, MimeMessage mail, byte[] raw, String by) {
    String from = from(mail);
    String subject = subject(mail);
    Evidence whole =
        evidence.add(
            appealId,
            new NewEvidence(
                EvidenceKind.RESPONSE_LETTER, "Reply mail from " + from + ": " + subject, null),
            "reply-" + replyId + ".eml",
            raw,
            by);
    for (Attachment attachment : attachments(mail)) {
      evidence.add(
          appealId,
          new NewEvidence(
              EvidenceKind.RESPONSE_LETTER, "Attachment of the reply mail from " + from, null),
          attachment.name(),
          attachment.bytes(),
          by);
    }
    jdbc.sql(
            "UPDATE inbound_mail SET appeal_id = ?, evidence_id = ?, filed_by = ?, filed_at = now() WHERE id = ?")
        .params(appealId, whole.id(), by, replyId)
        .update();
    timeline.record(
        appealId,
        by,
        "REPLY_RECEIVED",
        Sentence.of("replyReceived", Sentence.text(from), Sentence.text(subject)),
        "/api/evidence/" + whole.id() + "/content");
    appeals
        .assignee(appealId)
        .ifPresent(
            advocate ->
                notices.tell(advocate, "/appeals/" + appealId, "notice.reply", from, subject));
  }

  record Attachment(String name, byte[] bytes) {}

  /** Every part with a file name or marked as an attachment, however deeply nested. */
  static List<Attachment> attachments(Part part) {
    List<Attachment> found = new ArrayList<>();
    try {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          found.addAll(attachments(child));
        }
      } else if (part instanceof BodyPart
          && (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
              || part.getFileName() != null)) {
        String name =
            part.getFileName() == null ? "attachment" : MimeUtility.decodeText(part.getFileName());
        found.add(new Attachment(name, part.getInputStream().readAllBytes()));
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable mail part: " + e.getMessage(), e);
    }
    return found;
  }

  /** The Message-IDs a mail answers: its In-Reply-To and References headers. */
  static Set<String> referencedIds(MimeMessage mail) {
    Set<String> ids = new LinkedHashSet<>();
    for (String header : List.of("In-Reply-To", "References")) {
      String value = header(mail, header);
      if (value != null) {
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find()) {
          ids.add(m.group());
        }
      }
    }
    return ids;
  }

  private MimeMessage parse(byte[] raw) {
    try {
      return new MimeMessage(session, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      throw new IllegalStateException("Unreadable mail: " + e.getMessage(), e);
    }
  }

  private static List<String> headers(MimeMessage mail, String name) {
    try {
      String[] values = mail.getHeader(name);
      return values == null ? List.of() : List.of(values);
    } catch (MessagingException e) {
      return List.of();
    }
  }

  /** The sender's bare address, for comparing with the office's. */
  private static String address(MimeMessage mail) {
    try {
      var from = mail.getFrom();
      return from != null && from.length > 0 && from[0] instanceof InternetAddress address
          ? address.getAddress()
          : null;
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String header(MimeMessage mail, String name) {
    try {
      return mail.getHeader(name, " ");
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String from(MimeMessage mail) {
    try {
      var from = mail.getFrom();
      if (from == null || from.length == 0) {
        return "(unknown sender)";
      }
      return from[0] instanceof InternetAddress address
          ? address.toUnicodeString()
          : from[0].toString();
    } catch (MessagingException e) {
      return header(mail, "From");
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      String subject = mail.getSubject();
      return subject == null ? "(no subject)" : subject.replaceAll("[\\r\\n]+", " ");
    } catch (MessagingException e) {
      return "(unreadable subject)";
    }
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  static OffsetDateTime utc(java.util.Date date) {
    return date == null
        ? OffsetDateTime.now(ZoneOffset.UTC)
        : date.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static final String SELECT =
      "SELECT id, message_id, from_address, subject, received_at, appeal_id, evidence_id, filed_by, "
          + "filed_at, problem, answers_appeal_id FROM inbound_mail";
}
