package org.bucn.tracker.evidence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bucn.tracker.shared.WebLink;

/** What the uploader says about a file: what it shows, a description, and where it was found. */
public record NewEvidence(
    @NotNull EvidenceKind kind, @Size(max = 5_000) String description, @WebLink String sourceUrl) {

  public NewEvidence {
    description = description == null || description.isBlank() ? null : description.strip();
    sourceUrl = sourceUrl == null || sourceUrl.isBlank() ? null : sourceUrl.strip();
  }
}
