package org.bucn.tracker.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A coordinator launches a letter despite one of its errors, saying why; the appeal's timeline
 * keeps it.
 */
public record LaunchOverride(
    @NotNull Long targetId,
    @NotNull LetterWarning code,
    @NotBlank @Size(max = 1_000) String reason) {

  public LaunchOverride {
    reason = reason == null ? null : reason.strip();
  }

  /** Every error of the preview, each overridden for the same reason. */
  public static java.util.List<LaunchOverride> forEveryError(
      java.util.List<LetterPreview> preview, String reason) {
    return preview.stream()
        .flatMap(
            p -> p.errors().stream().map(code -> new LaunchOverride(p.targetId(), code, reason)))
        .toList();
  }
}
