package org.bucn.tracker.discussion;

import java.time.OffsetDateTime;
import java.util.List;

/** A note on an appeal, and whom it mentioned (and so told). */
public record Note(
    long id,
    long appealId,
    String author,
    String text,
    OffsetDateTime createdAt,
    List<String> mentioned,
    List<String> unknownMentions) {}
