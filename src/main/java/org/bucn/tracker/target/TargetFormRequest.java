package org.bucn.tracker.target;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A coordinator's form of address for an office in one language; texts trimmed, a blank honorific
 * absent.
 */
public record TargetFormRequest(
    @NotBlank @Size(max = 300) String formalTitle,
    @Size(max = 160) String honorific,
    @NotBlank @Size(max = 200) String salutation) {

  public TargetFormRequest {
    formalTitle = formalTitle == null ? null : formalTitle.strip();
    honorific = honorific == null || honorific.isBlank() ? null : honorific.strip();
    salutation = salutation == null ? null : salutation.strip();
  }
}
