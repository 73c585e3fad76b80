package org.bucn.tracker.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A round of appeals prepared for an event: launched {@code daysBefore} days before its date, at
 * nine in the morning where the coordinator is; {@code title} by default the event's.
 */
public record RoundRequest(
    @NotNull @Min(0) @Max(365) Integer daysBefore, @Size(max = 200) String title) {}
