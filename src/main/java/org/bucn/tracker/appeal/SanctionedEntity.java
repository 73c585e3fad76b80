package org.bucn.tracker.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a sanction outcome sanctioned: a person or an organisation, with its OpenSanctions id when
 * known (e.g. {@code NK-…} or {@code Q…}) and the legal act that lists it.
 */
public record SanctionedEntity(
    @NotBlank @Size(max = 300) String name,
    @NotNull Kind kind,
    @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.openSanctionsId}")
        String openSanctionsId,
    @Size(max = 400) String legalAct) {

  public enum Kind {
    PERSON,
    ORGANISATION
  }
}
