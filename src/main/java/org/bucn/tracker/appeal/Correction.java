package org.bucn.tracker.appeal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.bucn.tracker.shared.WebLink;
import org.bucn.tracker.target.Channel;

/**
 * A correction of a step recorded wrong, with its reason: the fields given replace the recorded
 * ones, the rest stay. {@code step} says which record: the submission, a follow-up ({@code number},
 * counted from 1 in the order they were recorded), the response, or the sanction outcome standing
 * now. The field names are those of the step's task.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "CorrectionInput")
public record Correction(
    @NotNull Step step,
    @Min(1) Integer number,
    @NotBlank @Size(max = 2_000) String reason,
    @PastOrPresent LocalDate submittedAt,
    Channel channel,
    @Size(max = 400) String reference,
    @PastOrPresent LocalDate doneAt,
    @Size(max = 5_000) String note,
    @PastOrPresent LocalDate receivedAt,
    ResponseKind kind,
    @Size(max = 20_000) String summary,
    @WebLink String sourceUrl,
    @Size(max = 2_000) String publicSummary,
    SanctionStatus status,
    @Size(max = 2_000) String measure,
    @PastOrPresent LocalDate decidedAt) {

  /** The recorded steps a correction can reach. */
  public enum Step {
    SUBMISSION,
    FOLLOW_UP,
    RESPONSE,
    SANCTION_OUTCOME
  }

  public Correction {
    reason = reason == null ? null : reason.strip();
  }
}
