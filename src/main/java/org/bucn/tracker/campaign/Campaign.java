package org.bucn.tracker.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A campaign: one appeal per target, with the schedule its follow-ups and sanction checks keep. */
public record Campaign(
    long id,
    String title,
    String summary,
    Set<Demand> demands,
    String followUpInterval,
    int maxFollowUps,
    String sanctionCheckInterval,
    List<Long> targetIds,
    CampaignStatus status,
    boolean closedEarly,
    String createdBy,
    OffsetDateTime createdAt,
    String launchedBy,
    OffsetDateTime launchedAt,
    OffsetDateTime closedAt,
    String replyTo,
    String draftWithin,
    String reviewWithin,
    String submitWithin,
    String responseWithin,
    String sanctionWithin,
    OffsetDateTime publishedAt,
    OffsetDateTime launchAt,
    OffsetDateTime launchStoppedAt,
    Long eventId) {

  public boolean demandsSanctions() {
    return demands.contains(Demand.SANCTIONS);
  }

  /** What a step of one of its appeals needs of it. */
  public CampaignTerms terms() {
    return new CampaignTerms(
        id,
        title,
        demands,
        status,
        followUpInterval,
        maxFollowUps,
        sanctionCheckInterval,
        launchedBy,
        launchedAt,
        replyTo,
        draftWithin,
        reviewWithin,
        submitWithin,
        responseWithin,
        sanctionWithin);
  }
}
