package org.bucn.tracker.shared;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One mail, and the one way the tracker writes a mail as bytes (RFC 5322, MIME, CRLF lines): an
 * appeal's letter is written when it is queued, and those bytes are both kept as evidence and
 * handed to the SMTP server unchanged ({@link #frozen}); a notice is written when it is sent.
 *
 * @param messageId the Message-ID with its angle brackets, or null for one the mail library makes
 * @param inReplyTo the Message-ID this mail answers, or null
 * @param attachmentName the PDF's file name, or null when nothing is attached
 */
public record Mail(
    String from,
    String to,
    String cc,
    String replyTo,
    String subject,
    String body,
    String messageId,
    String inReplyTo,
    String attachmentName,
    byte[] attachment) {

  private static final Session SESSION = Session.getInstance(new Properties());

  /** The mail as the bytes of an {@code .eml} file, dated {@code date}. */
  public byte[] toBytes(Instant date) {
    MimeMessage message =
        new MimeMessage(SESSION) {
          @Override
          protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
              super.updateMessageID();
            } else {
              setHeader("Message-ID", messageId);
            }
          }
        };
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, attachment != null, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      if (cc != null) {
        helper.setCc(cc);
      }
      if (replyTo != null) {
        helper.setReplyTo(replyTo);
      }
      helper.setSubject(subject);
      helper.setSentDate(Date.from(date));
      // Lines end in CRLF, as they travel (RFC 5322): the bytes kept are the bytes the server
      // receives.
      helper.setText(body.replaceAll("\r?\n|\r", "\r\n"));
      if (attachment != null) {
        helper.addAttachment(attachmentName, new ByteArrayResource(attachment), "application/pdf");
      }
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
      }
      message.saveChanges();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      return bytes.toByteArray();
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mail written earlier, to be sent exactly as those bytes: saving changes (which the sender
   * does before sending) would write new headers and encode the parts again, so it does nothing.
   */
  public static MimeMessage frozen(Session session, byte[] eml) {
    try {
      return new MimeMessage(session, new ByteArrayInputStream(eml)) {
        @Override
        public void saveChanges() {
          // Sent as written.
        }
      };
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
  }
}
