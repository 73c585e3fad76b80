package org.bucn.tracker.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A day on the calendar that rounds of appeals answer: a sham election or "referendum" in the
 * occupied territories, with the source that announced or reported it.
 */
public record CalendarEvent(
    long id,
    String title,
    EventKind kind,
    LocalDate date,
    List<String> territories,
    String source,
    String createdBy,
    OffsetDateTime createdAt) {}
