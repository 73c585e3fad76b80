package org.bucn.tracker.cosigning;

import java.time.OffsetDateTime;

/**
 * One signature as the coordinators see it, e-mail included. {@code status}: {@code
 * AWAITING_CONFIRMATION} (the mailed link not yet followed), {@code EXPIRED} (not followed within 7
 * days), {@code AWAITING_APPROVAL}, {@code APPROVED}, {@code REJECTED}, {@code WITHDRAWN} (by the
 * signer), {@code MERGED} (a later signature from the same address replaced it: {@code
 * mergedInto}). Only an approved, confirmed signature counts. {@code source}: how a signature that
 * came by other means was received (an import); none for the public page.
 */
public record CoSignature(
    long id,
    String kind,
    String organisation,
    String country,
    String website,
    String name,
    String title,
    String email,
    boolean listPublicly,
    String language,
    String source,
    String status,
    OffsetDateTime createdAt,
    OffsetDateTime confirmedAt,
    String decidedBy,
    OffsetDateTime decidedAt,
    String rejectReason,
    OffsetDateTime withdrawnAt,
    Long mergedInto,
    boolean erased) {

  static final String ORGANISATION = "ORGANISATION";
  static final String INDIVIDUAL = "INDIVIDUAL";
}
