package org.bucn.tracker.campaign;

/**
 * An error of the preview that stopped a launch: which office's letter, its code, and what it
 * means.
 */
public record LetterError(
    long targetId, String country, String office, LetterWarning code, String message) {}
