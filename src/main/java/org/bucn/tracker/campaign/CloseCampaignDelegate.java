package org.bucn.tracker.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseCampaign}: every appeal has closed, so the campaign closes by itself. */
@Component("closeCampaign")
class CloseCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  CloseCampaignDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.closeBecauseEveryAppealClosed(
        (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID));
  }
}
