package org.bucn.tracker.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** A new campaign as a coordinator describes it; targets are ids from the directory. */
public record CampaignRequest(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 20000) String summary,
    @NotEmpty Set<@NotNull Demand> demands,
    @NotBlank @IsoDuration String followUpInterval,
    @NotNull @Min(1) @Max(20) Integer maxFollowUps,
    @NotBlank @IsoDuration String sanctionCheckInterval,
    @NotEmpty @Size(max = 500) List<@NotNull Long> targetIds) {}
