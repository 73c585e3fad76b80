package org.bucn.tracker.appeal;

import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.bucn.tracker.campaign.CampaignService;

/**
 * {@code ${appealSchedule.…}}: timer durations and due dates come from the campaign, so a drill
 * can run a follow-up cycle in seconds. Public because the engine calls it by reflection.
 */
public class AppealSchedule {

  private final CampaignService campaigns;

  AppealSchedule(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  public String followUpInterval(Long campaignId) {
    return campaigns.get(campaignId).followUpInterval();
  }

  public String sanctionCheckInterval(Long campaignId) {
    return campaigns.get(campaignId).sanctionCheckInterval();
  }

  /** A follow-up is due before the next one would be. */
  public Date followUpDue(Long campaignId) {
    try {
      Date due = new Date();
      DatatypeFactory.newInstance().newDuration(followUpInterval(campaignId)).addTo(due);
      return due;
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
