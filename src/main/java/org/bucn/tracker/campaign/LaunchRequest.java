package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a launch may carry: the errors of the preview it goes ahead despite, each with its reason.
 */
public record LaunchRequest(@Size(max = 10_000) List<@Valid LaunchOverride> overrides) {

  public LaunchRequest {
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }
}
