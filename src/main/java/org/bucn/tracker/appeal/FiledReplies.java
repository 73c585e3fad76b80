package org.bucn.tracker.appeal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The replies filed to an appeal, newest first, for the form that records its answer; the inbox
 * answers.
 */
public interface FiledReplies {

  /** One reply as the form shows it, with the evidence that keeps the mail. */
  record FiledReply(
      OffsetDateTime receivedAt, String fromAddress, String subject, Long evidenceId) {}

  List<FiledReply> filedTo(long appealId);
}
