package org.bucn.tracker.campaign;

import java.time.OffsetDateTime;

/** A campaign's letter in one language; placeholders such as {{office}} are filled per target. */
public record Letter(
    String language,
    String subject,
    String body,
    boolean isDefault,
    String updatedBy,
    OffsetDateTime updatedAt) {}
