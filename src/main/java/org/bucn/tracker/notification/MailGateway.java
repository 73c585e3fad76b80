package org.bucn.tracker.notification;

import jakarta.mail.Session;
import java.time.Clock;
import java.util.Properties;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one mail to the SMTP server configured with SPRING_MAIL_HOST, or logs it when none is. A
 * mail queued as bytes (an appeal's letter, kept as evidence) goes as exactly those bytes; any
 * other is written by {@link Mail} now, with a Message-ID made from its place in the outbox, so a
 * mail sent again carries the same one and the reader's mailbox threads or drops the copy.
 *
 * <p>A session that fails after the server took the data but before its answer reached the tracker
 * looks like a failure and is tried again (losing a letter is worse than a copy): the copy carries
 * the same Message-ID, which mailboxes use to thread or drop it.
 */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  /** One mail as queued; the appeal letter's fields are null for a notification. */
  record Outgoing(
      long outboxId,
      String recipient,
      String subject,
      String body,
      String messageId,
      String inReplyTo,
      String cc,
      String replyTo,
      String attachmentName,
      byte[] attachment,
      byte[] rawMessage) {}

  private final JavaMailSender smtp;
  private final String from;
  private final Clock clock;

  MailGateway(ObjectProvider<JavaMailSender> smtp, TrackerProperties properties, Clock clock) {
    this.smtp = smtp.getIfAvailable();
    this.from = properties.mail().from();
    this.clock = clock;
  }

  void send(Outgoing mail) {
    if (smtp == null) {
      log.info(
          "Mail (no SPRING_MAIL_HOST configured, so logged instead of sent) to {}: {}\n{}",
          mail.recipient(),
          mail.subject(),
          mail.body());
      return;
    }
    byte[] eml =
        mail.rawMessage() != null
            ? mail.rawMessage()
            : new Mail(
                    from,
                    mail.recipient(),
                    mail.cc(),
                    mail.replyTo(),
                    mail.subject(),
                    mail.body(),
                    mail.messageId() != null ? mail.messageId() : messageIdOf(mail.outboxId()),
                    mail.inReplyTo(),
                    mail.attachmentName(),
                    mail.attachment())
                .toBytes(clock.instant());
    Session session =
        smtp instanceof JavaMailSenderImpl impl
            ? impl.getSession()
            : Session.getInstance(new Properties());
    smtp.send(Mail.frozen(session, eml));
  }

  /** The Message-ID of a queued mail that has none of its own: the same on every attempt. */
  private String messageIdOf(long outboxId) {
    String domain =
        from.contains("@")
            ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip()
            : "tracker.invalid";
    return "<outbox-" + outboxId + "@" + domain + ">";
  }
}
