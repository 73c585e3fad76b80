package org.bucn.tracker.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.LanguageCode;

/** What completing each task records; field names are those of the task API. */
public final class AppealInputs {

  private AppealInputs() {}

  static final String URL = "https?://\\S+";
  static final String URL_MESSAGE = "must be an http or https link";

  /** draftAppeal: the appeal text in the target's language. */
  public record Draft(@NotBlank @Size(max = 50_000) String text, @NotBlank @LanguageCode String language) {}

  /** reviewAppeal: approve, or send back with a comment. */
  public record Review(@NotNull ReviewDecision decision, @Size(max = 5_000) String comment) {}

  /** submitAppeal: when, how and under which reference the appeal reached the target. */
  public record Submission(
      @NotNull @PastOrPresent LocalDate submittedAt, @NotNull Channel channel, @Size(max = 200) String reference) {}

  /** followUp: a reminder sent to a silent target. */
  public record FollowUp(@NotNull @PastOrPresent LocalDate doneAt, @NotNull Channel channel, @Size(max = 5_000) String note) {}

  /** recordResponse: the target's answer. */
  public record Response(
      @NotNull @PastOrPresent LocalDate receivedAt,
      @NotNull ResponseKind kind,
      @Size(max = 20_000) String summary,
      @Size(max = 2_000) @Pattern(regexp = URL, message = URL_MESSAGE) String sourceUrl) {}

  /** escalateNoResponse: close as unanswered, or another round of follow-ups. */
  public record Escalation(@NotNull EscalationDecision decision, @Size(max = 5_000) String note) {}

  /** trackSanction: where the target stands on sanctions now. */
  public record Sanction(
      @NotNull SanctionStatus status,
      @Size(max = 2_000) String measure,
      @PastOrPresent LocalDate decidedAt,
      @Size(max = 400) String reference,
      @Size(max = 2_000) @Pattern(regexp = URL, message = URL_MESSAGE) String sourceUrl) {}
}
