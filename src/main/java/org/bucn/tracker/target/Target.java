package org.bucn.tracker.target;

import java.time.LocalDate;
import java.util.List;

/**
 * A leader's office in one country; holders change, the office stays. {@code contact} is the
 * free-text contact of earlier versions, kept for old clients; {@code email}, {@code postalAddress}
 * and {@code website} are how the office is reached, {@code verifiedOn} and {@code source} when and
 * where that was last checked. {@code language} is the office's main language, {@code languages}
 * all it takes letters in, the main one first.
 */
public record Target(
    long id,
    String countryCode,
    String country,
    String office,
    String holderName,
    LocalDate holderSince,
    Channel channel,
    String contact,
    String email,
    String postalAddress,
    String website,
    LocalDate verifiedOn,
    String source,
    String language,
    List<String> languages,
    int version) {}
