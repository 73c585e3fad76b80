package org.bucn.tracker.inbox;

import java.time.OffsetDateTime;

/**
 * A mail read from the reply mailbox; {@code appealId} is empty while it waits to be filed, and
 * {@code problem} says why it could not be filed by itself, when that was the reason.
 */
public record Reply(
    long id, String messageId, String fromAddress, String subject, OffsetDateTime receivedAt, Long appealId, Long evidenceId,
    String filedBy, OffsetDateTime filedAt, String problem) {}
