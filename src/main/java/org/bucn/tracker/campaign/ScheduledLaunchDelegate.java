package org.bucn.tracker.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_LaunchCampaign}: launches the campaign at its time, or tells why not. */
@Component("scheduledLaunch")
class ScheduledLaunchDelegate implements JavaDelegate {

  private final CampaignService campaigns;

  ScheduledLaunchDelegate(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    campaigns.launchAtItsTime(
        ((Number) execution.getVariable(ScheduledLaunches.CAMPAIGN_ID)).longValue());
  }
}
