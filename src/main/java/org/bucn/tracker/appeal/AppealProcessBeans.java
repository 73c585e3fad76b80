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

  @Bean("campaignAppeals")
  CampaignAppeals campaignAppeals(AppealService appeals, CampaignService campaigns) {
    return new CampaignAppeals(appeals, campaigns);
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
