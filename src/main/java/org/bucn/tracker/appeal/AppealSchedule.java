package org.bucn.tracker.appeal;

import java.util.Date;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.IsoDurations;

/**
 * {@code ${appealSchedule.…}}: timer durations and due dates come from the campaign, so a drill can
 * run a follow-up cycle in seconds. Public because the engine calls it by reflection.
 */
public class AppealSchedule {

  private final CampaignService campaigns;
  private final java.time.Clock clock;

  AppealSchedule(CampaignService campaigns, java.time.Clock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /**
   * When a new task of the step is due: as long from now as the campaign gives the step (a decision
   * on a silent target as long as a review).
   */
  public Date due(Long campaignId, String taskKey) {
    org.bucn.tracker.campaign.CampaignTerms campaign = campaigns.terms(campaignId);
    String within =
        switch (TaskKey.fromKey(taskKey)
            .orElseThrow(() -> new IllegalArgumentException("No task " + taskKey))) {
          case DRAFT_APPEAL -> campaign.draftWithin();
          case REVIEW_APPEAL, ESCALATE_NO_RESPONSE -> campaign.reviewWithin();
          case SUBMIT_APPEAL -> campaign.submitWithin();
          case FOLLOW_UP -> campaign.followUpInterval();
          case RECORD_RESPONSE -> campaign.responseWithin();
          case TRACK_SANCTION -> campaign.sanctionWithin();
        };
    return after(within);
  }

  public String followUpInterval(Long campaignId) {
    return campaigns.terms(campaignId).followUpInterval();
  }

  public String sanctionCheckInterval(Long campaignId) {
    return campaigns.terms(campaignId).sanctionCheckInterval();
  }

  /** A follow-up is due before the next one would be. */
  public Date followUpDue(Long campaignId) {
    return due(campaignId, TaskKey.FOLLOW_UP.key());
  }

  private Date after(String isoDuration) {
    return Date.from(IsoDurations.after(isoDuration, clock.instant()));
  }
}
