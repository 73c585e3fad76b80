package org.bucn.tracker.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the reply mailbox ({@code TRACKER_IMAP_*}) every {@code TRACKER_IMAP_POLL}: each mail not
 * yet marked as taken is handed to {@link Replies}, then marked with the keyword
 * {@value #TAKEN} and as seen. Mails are never deleted or moved. A node that dies between
 * filing and marking reads the mail again next time; its key makes that a no-op.
 */
@Component
class ReplyMailbox {

  private static final Logger log = LoggerFactory.getLogger(ReplyMailbox.class);
  static final String TAKEN = "TrackerFiled";

  private final TrackerProperties.Imap imap;
  private final Replies replies;

  ReplyMailbox(TrackerProperties properties, Replies replies) {
    this.imap = properties.imap();
    this.replies = replies;
  }

  @Scheduled(fixedDelayString = "${tracker.imap.poll}", initialDelayString = "${tracker.imap.poll}")
  void scheduledPoll() {
    if (!imap.enabled()) {
      return;
    }
    try {
      poll();
    } catch (MessagingException | RuntimeException e) {
      log.warn("Reading the reply mailbox {}@{} failed, next try in {}: {}", imap.username(), imap.host(), imap.poll(), e.getMessage());
    }
  }

  /** Reads the mailbox once; how many mails this poll took (others may have been taken by another node). */
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
        for (Message message : waiting) {
          if (replies.take(key(folder, message), raw(message), Replies.utc(message.getReceivedDate()))) {
            took++;
          }
          message.setFlags(taken, true);
          message.setFlag(Flags.Flag.SEEN, true);
        }
        return took;
      } finally {
        folder.close(false);
      }
    }
  }

  /** The mail's Message-ID, or where it sits in this folder when it has none. */
  private static String key(Folder folder, Message message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
      return ids[0].strip();
    }
    if (folder instanceof UIDFolder uids) {
      return folder.getFullName() + ":" + uids.getUIDValidity() + ":" + uids.getUID(message);
    }
    return folder.getFullName() + ":" + message.getMessageNumber() + ":" + message.getReceivedDate();
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
