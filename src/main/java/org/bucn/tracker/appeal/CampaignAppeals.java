package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.campaign.CampaignService;

/**
 * {@code ${campaignAppeals.appealIds(campaignId)}}: the collection the campaign's call activity
 * runs over. Public because the engine's expression language calls it by reflection.
 */
public class CampaignAppeals {

  private final AppealService appeals;
  private final CampaignService campaigns;

  CampaignAppeals(AppealService appeals, CampaignService campaigns) {
    this.appeals = appeals;
    this.campaigns = campaigns;
  }

  /** Read while no office is being added (see {@code CampaignService.holdWhileOpening}). */
  public List<Long> appealIds(Long campaignId) {
    campaigns.holdWhileOpening(campaignId);
    return appeals.idsOfCampaign(campaignId);
  }
}
