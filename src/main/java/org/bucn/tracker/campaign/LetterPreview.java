package org.bucn.tracker.campaign;

import java.util.List;

/**
 * One target's letter as it will be drafted at launch, and what is wrong with it: {@code warnings}
 * all of it, {@code errors} what stops the launch, {@code notes} the rest.
 */
public record LetterPreview(
    long targetId,
    String countryCode,
    String country,
    String office,
    String language,
    String subject,
    String body,
    List<LetterWarning> warnings,
    List<LetterWarning> errors,
    List<LetterWarning> notes) {

  public LetterPreview(
      long targetId,
      String countryCode,
      String country,
      String office,
      String language,
      String subject,
      String body,
      List<LetterWarning> warnings) {
    this(
        targetId,
        countryCode,
        country,
        office,
        language,
        subject,
        body,
        warnings,
        warnings.stream().filter(LetterWarning::error).toList(),
        warnings.stream().filter(w -> !w.error()).toList());
  }
}
