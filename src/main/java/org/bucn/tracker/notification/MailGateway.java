package org.bucn.tracker.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one mail to the SMTP server configured with SPRING_MAIL_HOST, or logs it when none is. */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  /** One mail as queued; the appeal letter's fields are null for a notification. */
  record Outgoing(
      String recipient, String subject, String body, String messageId, String inReplyTo, String cc, String replyTo,
      String attachmentName, byte[] attachment) {}

  private final JavaMailSender smtp;
  private final String from;

  MailGateway(ObjectProvider<JavaMailSender> smtp, TrackerProperties properties) {
    this.smtp = smtp.getIfAvailable();
    this.from = properties.mail().from();
  }

  void send(Outgoing mail) {
    if (smtp == null) {
      log.info("Mail (no SPRING_MAIL_HOST configured, so logged instead of sent) to {}: {}\n{}", mail.recipient(), mail.subject(), mail.body());
      return;
    }
    MimeMessage message = smtp.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.recipient());
      if (mail.cc() != null) {
        helper.setCc(mail.cc());
      }
      if (mail.replyTo() != null) {
        helper.setReplyTo(mail.replyTo());
      }
      helper.setSubject(mail.subject());
      helper.setText(mail.body());
      if (mail.attachment() != null) {
        helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()), "application/pdf");
      }
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", mail.inReplyTo());
        message.setHeader("References", mail.inReplyTo());
      }
      if (mail.messageId() != null) {
        message.setHeader("Message-ID", mail.messageId()); // kept by JavaMailSenderImpl when it saves the message
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    smtp.send(message);
  }
}
