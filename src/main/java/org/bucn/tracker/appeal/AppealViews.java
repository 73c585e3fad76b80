package org.bucn.tracker.appeal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bucn.tracker.target.Channel;

/** What the API and pages show of appeals. */
public final class AppealViews {

  private AppealViews() {}

  /** A launched campaign's appeals, and how many of them have their process running yet. */
  public record Opening(long appeals, long opened) {
    public boolean complete() {
      return opened >= appeals;
    }
  }

  /** One row of a campaign's appeal table. */
  public record AppealSummary(
      long id,
      long campaignId,
      long targetId,
      String countryCode,
      String country,
      String office,
      String holderName,
      AppealStage stage,
      String assignee,
      LocalDate submittedAt,
      int followUps,
      ResponseKind responseKind,
      LocalDate respondedAt,
      SanctionStatus sanctionStatus) {}

  /**
   * The office an appeal addresses; {@code holderName} is the holder it was addressed to once
   * submitted.
   */
  public record TargetRef(
      long id,
      String countryCode,
      String country,
      String office,
      String holderName,
      Channel channel,
      String language,
      String email,
      List<String> languages) {

    TargetRef addressedTo(String holder) {
      return holder == null
          ? this
          : new TargetRef(
              id, countryCode, country, office, holder, channel, language, email, languages);
    }
  }

  /**
   * A version of the letter: its subject line (null in drafts written before subjects had their own
   * field) and text.
   */
  public record Draft(
      int version,
      String subject,
      String text,
      String language,
      String author,
      OffsetDateTime createdAt) {}

  /** Work on the next draft, saved without finishing the task; not a version. */
  public record SavedDraft(
      String subject, String text, String language, String savedBy, OffsetDateTime savedAt) {}

  public record Review(
      int draftVersion,
      ReviewDecision decision,
      String comment,
      String reviewer,
      OffsetDateTime createdAt) {}

  /** What became of a letter the tracker mailed itself. */
  public enum DeliveryStatus {
    QUEUED,
    SENT,
    FAILED
  }

  public record Delivery(
      DeliveryStatus status,
      String messageId,
      String to,
      OffsetDateTime sentAt,
      int attempts,
      String lastError) {}

  /**
   * {@code delivery} is present when the tracker mailed the letter itself; {@code reference} is
   * then its Message-ID, unless the letter first went another way ({@code sentElsewhere}: an e-mail
   * from another mailbox). {@code letterEvidenceId} is the PDF as it went (kept at the moment it
   * was queued or recorded), {@code mailEvidenceId} the mail as queued.
   */
  public record Submission(
      LocalDate submittedAt,
      Channel channel,
      String reference,
      String addressedTo,
      String recordedBy,
      OffsetDateTime recordedAt,
      Delivery delivery,
      boolean sentElsewhere,
      Long letterEvidenceId,
      Long mailEvidenceId) {}

  /** {@code mailEvidenceId}: the reminder as the tracker queued it, when it mailed one. */
  public record FollowUp(
      int round,
      LocalDate doneAt,
      Channel channel,
      String note,
      String recordedBy,
      OffsetDateTime recordedAt,
      Delivery delivery,
      Long mailEvidenceId) {}

  public record Escalation(
      EscalationDecision decision, String note, String decidedBy, OffsetDateTime decidedAt) {}

  /**
   * {@code publicApprovedAt}: when a coordinator approved the answer for the public page (null: not
   * public yet).
   */
  public record Response(
      LocalDate receivedAt,
      ResponseKind kind,
      String summary,
      String sourceUrl,
      String publicSummary,
      String recordedBy,
      OffsetDateTime recordedAt,
      OffsetDateTime publicApprovedAt,
      String publicApprovedBy) {}

  public record SanctionOutcome(
      SanctionStatus status,
      String measure,
      LocalDate decidedAt,
      String reference,
      String sourceUrl,
      String recordedBy,
      OffsetDateTime recordedAt,
      List<SanctionedEntity> entities) {}

  /** Everything recorded about one appeal, and its timeline. */
  public record AppealDetail(
      long id,
      long campaignId,
      String campaignTitle,
      TargetRef target,
      AppealStage stage,
      String assignee,
      OffsetDateTime createdAt,
      OffsetDateTime closedAt,
      Draft draft,
      List<Draft> drafts,
      List<Review> reviews,
      Submission submission,
      List<FollowUp> followUps,
      List<Escalation> escalations,
      Response response,
      SanctionOutcome sanctionOutcome,
      List<SanctionOutcome> sanctionChecks,
      List<TimelineEntry> timeline,
      SavedDraft draftInProgress) {}

  /**
   * What an appeal's letter is made of, read without the rest of its record: the office as the
   * appeal addresses it, the latest draft, the submission and the follow-ups done so far.
   */
  public record AppealLetter(
      long id,
      long campaignId,
      String campaignTitle,
      TargetRef target,
      Draft draft,
      Submission submission,
      List<FollowUp> followUps) {}
}
