package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.campaign.CampaignProcess;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign process's work on its appeals (campaign.bpmn): each appeal runs as a process
 * instance of its own, opened in batches by {@code Task_OpenAppeals}, ended in batches by {@code
 * Task_WithdrawAppeals} after an early close, and each tells the campaign as it ends ({@code
 * End_AppealClosed}, {@code End_AppealWithdrawn}) so the last one closes it. No appeal's step reads
 * or writes the campaign's execution: a campaign of 10,000 offices opens them at the pace of one.
 */
public class CampaignAppeals {

  private final AppealRepository appeals;
  private final CampaignService campaigns;
  private final RuntimeService runtime;
  private final int perJob;

  CampaignAppeals(
      AppealRepository appeals, CampaignService campaigns, RuntimeService runtime, int perJob) {
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.runtime = runtime;
    this.perJob = perJob;
  }

  /**
   * {@code Task_OpenAppeals}: opens the next {@code perJob} appeals of the campaign, each to its
   * first task. The first batch fixes the list (the last appeal id) while no office is being added
   * ({@link CampaignService#holdWhileOpening}); an office added after that opens as it is added
   * ({@link #openAdded}). A campaign closed meanwhile opens no more.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void openNext(DelegateExecution execution) {
    long campaignId = campaignId(execution);
    if (campaigns.holdWhileOpening(campaignId) != CampaignStatus.ACTIVE) {
      execution.setVariable(CampaignProcess.OPENING_LEFT, false);
      execution.setVariable(CampaignProcess.CLOSED_EARLY, true);
      return;
    }
    Long upTo = (Long) execution.getVariable(CampaignProcess.APPEALS_UP_TO);
    if (upTo == null) {
      upTo = appeals.lastIdOfCampaign(campaignId);
      execution.setVariable(CampaignProcess.APPEALS_UP_TO, upTo);
    }
    Long openedUpTo = (Long) execution.getVariable(CampaignProcess.OPENED_UP_TO);
    List<Long> next =
        appeals.idsOfCampaign(campaignId, openedUpTo == null ? 0 : openedUpTo, upTo, perJob);
    for (long appealId : next) {
      start(campaignId, appealId);
    }
    long last = next.isEmpty() ? upTo : next.get(next.size() - 1);
    execution.setVariable(CampaignProcess.OPENED_UP_TO, last);
    execution.setVariable(CampaignProcess.OPENING_LEFT, last < upTo);
    execution.setVariable(CampaignProcess.CLOSED_EARLY, false);
  }

  /**
   * Opens the appeals of offices added to a running campaign, unless its process has yet to read
   * its list (it then opens them with the rest).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void openAdded(long campaignId, List<Long> appealIds, org.bucn.tracker.user.Actor actor) {
    if (campaigns.runAppeals(campaignId, appealIds, actor)) {
      for (long appealId : appealIds) {
        start(campaignId, appealId);
      }
    }
  }

  /**
   * {@code Task_WithdrawAppeals}: ends the processes of the next {@code perJob} appeals of a
   * campaign closed early (their rows were WITHDRAWN by the close); what they recorded stays.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void endNext(DelegateExecution execution) {
    long campaignId = campaignId(execution);
    Long withdrawnUpTo = (Long) execution.getVariable(CampaignProcess.WITHDRAWN_UP_TO);
    long after = withdrawnUpTo == null ? 0 : withdrawnUpTo;
    List<AppealRepository.ProcessOf> next = appeals.processesOfCampaign(campaignId, after, perJob);
    if (!next.isEmpty()) {
      // An appeal that ended before the close has no process left: skipped.
      runtime.deleteProcessInstancesIfExists(
          next.stream().map(AppealRepository.ProcessOf::processInstanceId).toList(),
          "Campaign closed early",
          false,
          true,
          false);
    }
    execution.setVariable(
        CampaignProcess.WITHDRAWN_UP_TO,
        next.isEmpty() ? after : next.get(next.size() - 1).appealId());
    execution.setVariable(CampaignProcess.WITHDRAWING_LEFT, next.size() == perJob);
  }

  /**
   * {@code End_AppealClosed}, {@code End_AppealWithdrawn}: the appeal has ended; when it was the
   * campaign's last open one, the campaign is told and closes.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void ended(DelegateExecution execution) {
    long campaignId = (Long) execution.getVariable(AppealProcess.CAMPAIGN_ID);
    if (appeals.openAfterOtherEndings(campaignId) == 0) {
      campaigns.everyAppealEnded(campaignId);
    }
  }

  private void start(long campaignId, long appealId) {
    runtime
        .createProcessInstanceByKey(AppealProcess.KEY)
        .businessKey(String.valueOf(appealId))
        .setVariable(AppealProcess.CAMPAIGN_ID, campaignId)
        .setVariable(AppealProcess.APPEAL_ID, appealId)
        .execute();
  }

  private static long campaignId(DelegateExecution execution) {
    return (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
  }
}
