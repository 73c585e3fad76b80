package org.bucn.tracker.target;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bucn.tracker.shared.WebLink;

/**
 * A conversation with an office outside any campaign (a meeting at the ministry, a call with the
 * cabinet, a reception), as its record keeps it: the network's memory of each office.
 */
public record Interaction(
    long id,
    long targetId,
    LocalDate date,
    Kind kind,
    String summary,
    String people,
    String evidence,
    String recordedBy,
    OffsetDateTime recordedAt) {

  /** How the office and the network spoke. */
  public enum Kind {
    MEETING,
    CALL,
    EMAIL,
    EVENT,
    OTHER
  }

  /** What a person logs: when, how, what was said, with whom, and a link to what shows it. */
  public record Request(
      @NotNull @PastOrPresent LocalDate date,
      @NotNull Kind kind,
      @NotBlank @Size(max = 4000) String summary,
      @Size(max = 400) String people,
      @WebLink @Size(max = 400) String evidence) {

    /** Texts trimmed, a blank one absent. */
    public Request {
      summary = summary == null ? null : summary.strip();
      people = people == null || people.isBlank() ? null : people.strip();
      evidence = evidence == null || evidence.isBlank() ? null : evidence.strip();
    }
  }
}
