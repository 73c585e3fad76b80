package org.bucn.tracker.alignment;

import java.time.LocalDate;
import java.util.List;

/**
 * A country's alignment with the recorded acts: per act, per year and overall; and the yearly rates
 * others published, each with its source.
 *
 * @param overall aligned / recorded over every year, or null when nothing is recorded
 * @param published rates as published, newest year first
 */
public record CountryAlignment(
    String countryCode,
    List<Act> acts,
    List<Year> years,
    Double overall,
    List<PublishedRate> published) {

  public record Act(
      long actId,
      String reference,
      LocalDate date,
      String title,
      String url,
      boolean aligned,
      String source) {}

  /**
   * @param rate aligned / acts of that year with an alignment recorded for the country
   */
  public record Year(int year, long acts, long aligned, double rate) {}
}
