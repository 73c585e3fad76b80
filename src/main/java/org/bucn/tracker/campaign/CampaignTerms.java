package org.bucn.tracker.campaign;

import java.util.Set;

/**
 * What an appeal's step needs of its campaign: its title and demands (the letter), its schedule
 * (due dates, follow-ups, sanction checks), who launched it and when, and the mailbox replies go
 * to. Not the list of its offices, which a step never needs and which is 10,000 ids in a large
 * campaign: {@link CampaignService#terms} reads none of it.
 */
public record CampaignTerms(
    long id,
    String title,
    Set<Demand> demands,
    CampaignStatus status,
    String followUpInterval,
    int maxFollowUps,
    String sanctionCheckInterval,
    String launchedBy,
    java.time.OffsetDateTime launchedAt,
    String replyTo,
    String draftWithin,
    String reviewWithin,
    String submitWithin,
    String responseWithin,
    String sanctionWithin) {

  public boolean demandsSanctions() {
    return demands.contains(Demand.SANCTIONS);
  }
}
