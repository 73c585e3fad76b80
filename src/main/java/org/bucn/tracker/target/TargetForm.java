package org.bucn.tracker.target;

import java.time.OffsetDateTime;

/**
 * How protocol addresses an office in one language: its formal title ("President of the Republic of
 * Serbia"), the honorific before its holder's name ("His Excellency Mr"), and the salutation that
 * opens a letter ("Your Excellency,").
 */
public record TargetForm(
    String language,
    String formalTitle,
    String honorific,
    String salutation,
    String updatedBy,
    OffsetDateTime updatedAt) {}
