package org.bucn.tracker.alignment;

import java.time.LocalDate;
import java.util.List;

/** An EU foreign-policy act, and the alignments recorded for it. */
public record CfspAct(
    long id,
    String reference,
    LocalDate date,
    String title,
    String url,
    String topic,
    List<Alignment> alignments) {

  /** Whether a country aligned with the act, and where that is written. */
  public record Alignment(String countryCode, boolean aligned, String source) {}
}
