package org.bucn.tracker.appeal;

/**
 * A letter of an appeal the tracker itself mails to the target's office, published inside the
 * step's transaction so that it is queued only if the step commits (the notification module queues
 * it in its outbox and reports what became of it in the {@code mail_delivery} view).
 *
 * @param messageId the Message-ID the mail goes out with, angle brackets included; the submission's
 *     reference
 * @param inReplyTo the Message-ID this mail answers (a follow-up's original letter), or null
 * @param cc the campaign's mailbox, copied, or null
 * @param replyTo where the office's answer should go, or null
 * @param attachmentName the file name of the PDF the mail carries, or null when there is none
 * @param eml the whole mail as written and kept as evidence: the outbox sends these bytes unchanged
 */
public record AppealMail(
    long appealId,
    String messageId,
    String inReplyTo,
    String to,
    String cc,
    String replyTo,
    String subject,
    String body,
    String attachmentName,
    byte[] eml) {}
