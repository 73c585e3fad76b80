package org.bucn.tracker.campaign;

/**
 * A campaign's letter as the public reads it before signing: in {@code language}, as it goes to
 * {@code office} of {@code country} (none: the office's words are left as "…").
 */
public record LetterSample(
    String language,
    String subject,
    String text,
    String office,
    String countryCode,
    String country) {}
