package org.bucn.tracker.notification;

import org.bucn.tracker.cosigning.SignerMail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails to signers of campaigns' letters (the link to confirm, the link to withdraw), queued in the
 * transaction that recorded the signature.
 */
@Component
class SignerMails {

  private final MailOutbox outbox;

  SignerMails(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void queue(SignerMail mail) {
    outbox.enqueue(mail.to(), mail.subject(), mail.body());
  }
}
