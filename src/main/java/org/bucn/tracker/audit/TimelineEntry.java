package org.bucn.tracker.audit;

import java.time.OffsetDateTime;

/** One line of an appeal's story. */
public record TimelineEntry(OffsetDateTime at, String actor, String action, String detail) {}
