package org.bucn.tracker.notification;

import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Hands one mail to the SMTP server configured with SPRING_MAIL_HOST, or logs it when none is. */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  private final JavaMailSender smtp;
  private final String from;

  MailGateway(ObjectProvider<JavaMailSender> smtp, TrackerProperties properties) {
    this.smtp = smtp.getIfAvailable();
    this.from = properties.mail().from();
  }

  void send(String recipient, String subject, String body) {
    if (smtp == null) {
      log.info("Mail (no SPRING_MAIL_HOST configured, so logged instead of sent) to {}: {}\n{}", recipient, subject, body);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(recipient);
    message.setSubject(subject);
    message.setText(body);
    smtp.send(message);
  }
}
