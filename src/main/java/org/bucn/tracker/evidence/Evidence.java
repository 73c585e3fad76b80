package org.bucn.tracker.evidence;

import java.time.OffsetDateTime;

/**
 * One file kept on an appeal, as the API shows it; {@code contentType} is what its bytes are, not
 * what the uploader said.
 */
public record Evidence(
    long id,
    long appealId,
    EvidenceKind kind,
    String filename,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    OffsetDateTime uploadedAt,
    String sourceUrl,
    String description) {}
