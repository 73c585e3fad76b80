package org.bucn.tracker.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A letter a coordinator writes for a campaign; {@code isDefault} marks the fallback language. */
public record LetterRequest(
    @NotBlank @Size(max = 300) String subject,
    @NotBlank @Size(max = 50_000) String body,
    Boolean isDefault) {}
