package org.bucn.tracker.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.shared.MailAddress;

/**
 * A new campaign as a coordinator describes it, from the API or the new-campaign form; targets are
 * ids from the directory. {@code replyTo} is the campaign's own mailbox: copied on every letter the
 * tracker sends and named as its Reply-To. {@code launchAt}, a moment to come, makes the draft
 * launch itself then (with its zone: {@code 2027-09-01T09:00:00+03:00}).
 */
public record CampaignRequest(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 20000) String summary,
    @NotEmpty Set<@NotNull Demand> demands,
    @NotBlank @IsoDuration String followUpInterval,
    @NotNull @Min(1) @Max(20) Integer maxFollowUps,
    @NotBlank @IsoDuration String sanctionCheckInterval,
    @NotEmpty @Size(max = 500) List<@NotNull Long> targetIds,
    @MailAddress String replyTo,
    @IsoDuration String draftWithin,
    @IsoDuration String reviewWithin,
    @IsoDuration String submitWithin,
    @IsoDuration String responseWithin,
    @IsoDuration String sanctionWithin,
    java.time.OffsetDateTime launchAt) {

  /** How long each step may take unless the campaign says otherwise. */
  public static final String DRAFT_WITHIN = "P5D";

  public static final String REVIEW_WITHIN = "P2D";
  public static final String SUBMIT_WITHIN = "P3D";
  public static final String RESPONSE_WITHIN = "P30D";
  public static final String SANCTION_WITHIN = "P60D";

  /** Blank texts absent; a step's time not given is its default. */
  public CampaignRequest {
    replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.trim();
    draftWithin = orDefault(draftWithin, DRAFT_WITHIN);
    reviewWithin = orDefault(reviewWithin, REVIEW_WITHIN);
    submitWithin = orDefault(submitWithin, SUBMIT_WITHIN);
    responseWithin = orDefault(responseWithin, RESPONSE_WITHIN);
    sanctionWithin = orDefault(sanctionWithin, SANCTION_WITHIN);
  }

  /** A campaign launched by hand. */
  public CampaignRequest(
      String title,
      String summary,
      Set<Demand> demands,
      String followUpInterval,
      Integer maxFollowUps,
      String sanctionCheckInterval,
      List<Long> targetIds,
      String replyTo,
      String draftWithin,
      String reviewWithin,
      String submitWithin,
      String responseWithin,
      String sanctionWithin) {
    this(
        title,
        summary,
        demands,
        followUpInterval,
        maxFollowUps,
        sanctionCheckInterval,
        targetIds,
        replyTo,
        draftWithin,
        reviewWithin,
        submitWithin,
        responseWithin,
        sanctionWithin,
        null);
  }

  /** A campaign with its own mailbox and the default time for every step. */
  public CampaignRequest(
      String title,
      String summary,
      Set<Demand> demands,
      String followUpInterval,
      Integer maxFollowUps,
      String sanctionCheckInterval,
      List<Long> targetIds,
      String replyTo) {
    this(
        title,
        summary,
        demands,
        followUpInterval,
        maxFollowUps,
        sanctionCheckInterval,
        targetIds,
        replyTo,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same campaign, launching by itself at {@code launchAt}. */
  CampaignRequest withLaunchAt(java.time.OffsetDateTime launchAt) {
    return new CampaignRequest(
        title,
        summary,
        demands,
        followUpInterval,
        maxFollowUps,
        sanctionCheckInterval,
        targetIds,
        replyTo,
        draftWithin,
        reviewWithin,
        submitWithin,
        responseWithin,
        sanctionWithin,
        launchAt);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** A campaign without a mailbox of its own: letters carry no copy and no Reply-To. */
  public CampaignRequest(
      String title,
      String summary,
      Set<Demand> demands,
      String followUpInterval,
      Integer maxFollowUps,
      String sanctionCheckInterval,
      List<Long> targetIds) {
    this(
        title,
        summary,
        demands,
        followUpInterval,
        maxFollowUps,
        sanctionCheckInterval,
        targetIds,
        null);
  }

  /**
   * The new-campaign form before anything is typed: every demand, a follow-up every two weeks,
   * three of them.
   */
  static CampaignRequest blank() {
    return new CampaignRequest(
        null,
        null,
        EnumSet.allOf(Demand.class),
        "P14D",
        3,
        "P30D",
        List.of(),
        null,
        DRAFT_WITHIN,
        REVIEW_WITHIN,
        SUBMIT_WITHIN,
        RESPONSE_WITHIN,
        SANCTION_WITHIN);
  }
}
