package org.bucn.tracker.scorecard;

import java.time.LocalDate;
import java.util.List;

/** A country's offices and what its government did about sanctions, across campaigns. */
public record CountryRecord(
    String countryCode,
    String country,
    List<OfficeRecord> offices,
    OfficeRecord.Figures figures,
    List<SanctionMeasure> sanctions,
    org.bucn.tracker.alignment.CountryAlignment cfsp) {

  /** A sanction outcome ADOPTED or ALIGNED, as an appeal recorded it. */
  public record SanctionMeasure(
      long appealId,
      String campaignTitle,
      String office,
      String status,
      String measure,
      LocalDate decidedOn,
      String reference,
      String source) {}
}
