package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Offices added to a campaign, a draft or a running one, and the letter errors of the added ones
 * that a coordinator goes ahead despite, each with its reason (as at launch).
 */
public record AddTargetsRequest(
    @NotEmpty @Size(max = 1_000) List<@NotNull Long> targetIds,
    @Size(max = 10_000) List<@Valid LaunchOverride> overrides) {

  public AddTargetsRequest {
    targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }
}
