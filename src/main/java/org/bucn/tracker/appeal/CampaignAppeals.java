package org.bucn.tracker.appeal;

import java.util.List;

/**
 * {@code ${campaignAppeals.appealIds(campaignId)}}: the collection the campaign's call activity
 * runs over. Public because the engine's expression language calls it by reflection.
 */
public class CampaignAppeals {

  private final AppealService appeals;

  CampaignAppeals(AppealService appeals) {
    this.appeals = appeals;
  }

  public List<Long> appealIds(Long campaignId) {
    return appeals.idsOfCampaign(campaignId);
  }
}
