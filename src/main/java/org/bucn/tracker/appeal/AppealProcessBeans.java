package org.bucn.tracker.appeal;

import org.bucn.tracker.campaign.CampaignService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the BPMN files name in expressions; each reads ids and calls one service method. */
@Configuration(proxyBeanMethods = false)
class AppealProcessBeans {

  /**
   * @param perJob how many appeals one job of the campaign process opens or ends (a transaction
   *     each; a retry redoes one batch)
   */
  @Bean
  CampaignAppeals campaignAppeals(
      AppealRepository appeals,
      CampaignService campaigns,
      org.camunda.bpm.engine.RuntimeService runtime,
      @org.springframework.beans.factory.annotation.Value("${tracker.campaign.appeals-per-job:100}")
          int perJob) {
    return new CampaignAppeals(appeals, campaigns, runtime, perJob);
  }

  @Bean("openAppeals")
  JavaDelegate openAppeals(CampaignAppeals appeals) {
    return appeals::openNext;
  }

  @Bean("withdrawAppeals")
  JavaDelegate withdrawAppeals(CampaignAppeals appeals) {
    return appeals::endNext;
  }

  @Bean("appealEnded")
  JavaDelegate appealEnded(CampaignAppeals appeals) {
    return appeals::ended;
  }

  @Bean("appealSchedule")
  AppealSchedule appealSchedule(CampaignService campaigns, java.time.Clock clock) {
    return new AppealSchedule(campaigns, clock);
  }

  @Bean("appealStarted")
  ExecutionListener appealStarted(AppealService appeals) {
    return execution -> appeals.opened(appealId(execution), execution.getProcessInstanceId());
  }

  @Bean("closeAppeal")
  JavaDelegate closeAppeal(AppealService appeals) {
    return execution -> appeals.close(appealId(execution));
  }

  private static long appealId(DelegateExecution execution) {
    return (Long) execution.getVariable(AppealProcess.APPEAL_ID);
  }
}
