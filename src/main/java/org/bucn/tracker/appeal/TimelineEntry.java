package org.bucn.tracker.appeal;

import java.time.OffsetDateTime;

/**
 * One line of an appeal's story; {@code link} is the page or file it refers to (e.g. a piece of
 * evidence), or null.
 */
public record TimelineEntry(
    OffsetDateTime at, String actor, String action, String detail, String link) {}
