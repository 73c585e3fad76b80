package org.bucn.tracker.target;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a coordinator sends to add or change a target; every field is checked before anything is stored. */
public record TargetRequest(
    @NotBlank @CountryCode String countryCode,
    @NotBlank @Size(max = 80) String country,
    @NotBlank @Size(max = 160) String office,
    @Size(max = 160) String holderName,
    @NotNull Channel channel,
    @Size(max = 400) String contact,
    @NotBlank @LanguageCode String language) {}
