package org.bucn.tracker.inbox;

import java.time.OffsetDateTime;

/**
 * A mail read from the reply mailbox; {@code appealId} is empty while it waits to be filed, and
 * {@code problem} says why it could not be filed by itself, when that was the reason; {@code
 * answersAppealId} is the appeal whose letter it names, when it waits because its sender is not
 * verified.
 */
public record Reply(
    long id,
    String messageId,
    String fromAddress,
    String subject,
    OffsetDateTime receivedAt,
    Long appealId,
    Long evidenceId,
    String filedBy,
    OffsetDateTime filedAt,
    String problem,
    Long answersAppealId) {}
