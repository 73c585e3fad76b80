package org.bucn.tracker.campaign;

import java.util.List;

/** One target's letter as it will be drafted at launch, and its warnings. */
public record LetterPreview(
    long targetId, String country, String office, String language, String subject, String body, List<LetterWarning> warnings) {}
