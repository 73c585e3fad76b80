package org.bucn.tracker.appeal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.bucn.tracker.shared.Sentence;

/**
 * One line of an appeal's story; {@code link} is the page or file it refers to (e.g. a piece of
 * evidence), or null. {@code detail} is the line in English; {@code code} and {@code args} the
 * sentence each reader reads in their own language (none on lines written before sentences).
 */
public record TimelineEntry(
    OffsetDateTime at,
    String actor,
    String action,
    String detail,
    String link,
    @JsonIgnore String code,
    @JsonIgnore List<Sentence.Arg> args) {

  /** A line written before lines were sentences: its detail is all there is. */
  public TimelineEntry(OffsetDateTime at, String actor, String action, String detail, String link) {
    this(at, actor, action, detail, link, null, List.of());
  }
}
