package org.bucn.tracker.publication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A published campaign as the public reads it. */
public record PublicCampaign(
    long id,
    String title,
    String summary,
    List<String> demands,
    String status,
    OffsetDateTime publishedAt,
    List<Country> countries) {

  public record Country(String countryCode, String country, List<Office> offices) {}

  /**
   * @param addressedTo the holder the letter was addressed to, once it was sent
   */
  public record Office(
      String office,
      String addressedTo,
      LocalDate submittedOn,
      Answer response,
      Outcome sanction) {}

  /**
   * An office's answer, shown once a coordinator approved it for the public; until then only that
   * one came ({@code pending}, every other field null).
   */
  public record Answer(
      String kind, LocalDate date, String summary, String source, boolean pending) {}

  public record Outcome(
      String status, String measure, LocalDate decidedOn, String reference, String source) {}

  /** A line of the public index. */
  public record Listed(long id, String title, String status, OffsetDateTime publishedAt) {}
}
