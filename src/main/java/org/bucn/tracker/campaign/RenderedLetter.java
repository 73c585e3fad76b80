package org.bucn.tracker.campaign;

/** A letter filled in for one target. */
public record RenderedLetter(String language, String subject, String text) {}
