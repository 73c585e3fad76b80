package org.bucn.tracker.inbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.Texts;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the reply mailbox ({@code TRACKER_IMAP_*}) every {@code TRACKER_IMAP_POLL}: each mail not
 * yet marked as taken is handed to {@link Replies}, then marked with the keyword {@value #TAKEN}
 * and as seen. Mails are never deleted or moved. A node that dies between filing and marking reads
 * the mail again next time; its key makes that a no-op.
 */
@Component
class ReplyMailbox {

  private static final Logger log = LoggerFactory.getLogger(ReplyMailbox.class);
  static final String TAKEN = "TrackerFiled";

  /** How many mails are fetched at once: few round trips, bounded memory. */
  static final int BATCH = 20;

  private final TrackerProperties.Imap imap;
  private final Replies replies;
  private final Texts texts;

  ReplyMailbox(TrackerProperties properties, Replies replies, Texts texts) {
    this.imap = properties.imap();
    this.replies = replies;
    this.texts = texts;
  }

  @Scheduled(fixedDelayString = "${tracker.imap.poll}", initialDelayString = "${tracker.imap.poll}")
  void scheduledPoll() {
    if (!imap.enabled()) {
      return;
    }
    try {
      poll();
    } catch (MessagingException | RuntimeException e) {
      log.warn(
          "Reading the reply mailbox {}@{} failed, next try in {}: {}",
          imap.username(),
          imap.host(),
          imap.poll(),
          e.getMessage());
    }
  }

  /**
   * Reads the mailbox once; how many mails this poll took (others may have been taken by another
   * node).
   */
  int poll() throws MessagingException {
    Session session = Session.getInstance(properties());
    String protocol = "TLS".equals(security()) ? "imaps" : "imap";
    try (Store store = session.getStore(protocol)) {
      store.connect(imap.host(), imap.port(), imap.username(), imap.password());
      Folder folder = store.getFolder(imap.folder());
      folder.open(Folder.READ_WRITE);
      try {
        boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
        Flags taken = keywords ? new Flags(TAKEN) : new Flags(Flags.Flag.SEEN);
        Message[] waiting = folder.search(new FlagTerm(taken, false));
        int took = 0;
        List<Message> done = new ArrayList<>();
        for (int i = 0; i < waiting.length; i++) {
          if (i % BATCH == 0) {
            // The next mails whole, in one round trip for all of them rather than one or more each.
            Message[] batch =
                java.util.Arrays.copyOfRange(waiting, i, Math.min(i + BATCH, waiting.length));
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            folder.fetch(batch, profile);
          }
          Message message = waiting[i];
          String key = key(folder, message);
          byte[] raw = raw(message);
          OffsetDateTime receivedAt = Replies.utc(message.getReceivedDate());
          try {
            if (replies.take(key, raw, receivedAt)) {
              took++;
            }
          } catch (RuntimeException e) {
            // One bad mail must not stop the others, nor come back every poll: it waits, unfiled,
            // with the reason.
            log.warn(
                "Reply {} could not be filed by itself and waits in the unmatched list: {}",
                Replies.mailboxKey(key),
                e.getMessage());
            try {
              replies.keepUnfiled(key, raw, receivedAt, String.valueOf(texts.forTheRecord(e)));
              took++;
            } catch (RuntimeException stillFailing) {
              // Not even kept (the database away?): left unmarked to be read again next time, and
              // the poll goes on.
              log.error(
                  "Reply {} could not be kept; it stays in the mailbox for the next poll: {}",
                  Replies.mailboxKey(key),
                  stillFailing.getMessage());
              continue;
            }
          }
          done.add(message);
        }
        // Marked together once taken: a node that dies before this reads them again, and their keys
        // make that a no-op.
        if (!done.isEmpty()) {
          Flags mark = new Flags(taken);
          mark.add(Flags.Flag.SEEN);
          folder.setFlags(done.toArray(Message[]::new), mark, true);
        }
        return took;
      } finally {
        folder.close(false);
      }
    }
  }

  /** The mail's Message-ID, or where it sits in this folder when it has none. */
  private static String key(Folder folder, Message message) throws MessagingException {
    String id = message instanceof MimeMessage mime ? mime.getMessageID() : null;
    if (id != null && !id.isBlank()) {
      return id.strip();
    }
    if (folder instanceof UIDFolder uids) {
      return folder.getFullName() + ":" + uids.getUIDValidity() + ":" + uids.getUID(message);
    }
    return folder.getFullName()
        + ":"
        + message.getMessageNumber()
        + ":"
        + message.getReceivedDate();
  }

  private static byte[] raw(Message message) throws MessagingException {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      message.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new MessagingException("Could not read the mail", e);
    }
  }

  private String security() {
    return imap.security() == null ? "TLS" : imap.security().strip().toUpperCase(Locale.ROOT);
  }

  private Properties properties() {
    Properties p = new Properties();
    String protocol = "TLS".equals(security()) ? "imaps" : "imap";
    p.put("mail." + protocol + ".connectiontimeout", "10000");
    p.put("mail." + protocol + ".timeout", "30000");
    // Each mail is read whole (attachments and all) in one FETCH, not in 16 kB pieces with a round
    // trip each.
    p.put("mail." + protocol + ".partialfetch", "false");
    if ("STARTTLS".equals(security())) {
      p.put("mail.imap.starttls.enable", "true");
      p.put("mail.imap.starttls.required", "true");
    }
    if (!"NONE".equals(security())) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }
}
