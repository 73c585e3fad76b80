package org.bucn.tracker.campaign;

import java.util.List;

/**
 * A letter filled in for one target, in {@code language} (the template's), with what a coordinator
 * should look at before it goes out.
 */
public record RenderedLetter(
    String language, String subject, String text, List<LetterWarning> warnings) {}
