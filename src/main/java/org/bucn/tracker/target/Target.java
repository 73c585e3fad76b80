package org.bucn.tracker.target;

/** A leader's office in one country; holders change, the office stays. */
public record Target(
    long id,
    String countryCode,
    String country,
    String office,
    String holderName,
    Channel channel,
    String contact,
    String language,
    int version) {}
