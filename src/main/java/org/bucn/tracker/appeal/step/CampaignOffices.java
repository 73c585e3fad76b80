package org.bucn.tracker.appeal.step;

import java.util.List;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.campaign.AddTargetsRequest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.infrastructure.db.StepTransactions;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;

/**
 * A coordinator changes which offices a campaign addresses: on a draft, its list; once launched, an
 * added office gets its appeal started as if launched with the campaign, and a withdrawn one has
 * its appeal ended, saying why. The added appeals run beside the others and the campaign closes
 * once, when the last appeal ends (campaign.bpmn, appeal.bpmn).
 */
@Service
public class CampaignOffices {

  /** The longest reason kept for a withdrawal. */
  static final int REASON_MAX = 1_000;

  private final CampaignService campaigns;
  private final AppealService appeals;
  private final EngineTasks engine;
  private final StepTransactions transactions;
  private final org.bucn.tracker.appeal.CampaignAppeals campaignAppeals;

  CampaignOffices(
      CampaignService campaigns,
      AppealService appeals,
      EngineTasks engine,
      StepTransactions transactions,
      org.bucn.tracker.appeal.CampaignAppeals campaignAppeals) {
    this.campaignAppeals = campaignAppeals;
    this.campaigns = campaigns;
    this.appeals = appeals;
    this.engine = engine;
    this.transactions = transactions;
  }

  /** Adds the offices; see {@link CampaignService#addTargets} for what is refused. */
  public Campaign add(long campaignId, AddTargetsRequest request, Actor actor) {
    return transactions.run(
        () -> {
          CampaignService.TargetsAdded added = campaigns.addTargets(campaignId, request);
          if (added.campaign().status() == CampaignStatus.ACTIVE) {
            List<Long> appealIds =
                appeals.openAdded(campaignId, request.targetIds(), added.overrides(), actor);
            campaignAppeals.openAdded(campaignId, appealIds, actor);
          }
          return campaigns.get(campaignId);
        });
  }

  /**
   * Takes an office out of the campaign: off a draft's list, or, once launched, its appeal
   * WITHDRAWN with {@code reason} (required then: 400 naming {@code reason}) and its tasks and
   * timers ended; everything recorded stays.
   */
  public Campaign withdraw(long campaignId, long targetId, String reason, Actor actor) {
    String why = reason == null ? "" : reason.strip();
    return transactions.run(
        () -> {
          CampaignStatus status = campaigns.removeTarget(campaignId, targetId);
          if (status != CampaignStatus.DRAFT) {
            if (why.isEmpty()) {
              throw new InvalidFieldException("reason", "refusal.appeal.withdrawWhy");
            }
            if (why.length() > REASON_MAX) {
              throw new InvalidFieldException(
                  "reason", "refusal.appeal.withdrawWhyTooLong", REASON_MAX);
            }
            engine.withdraw(appeals.withdraw(campaignId, targetId, why, actor), actor);
          }
          return campaigns.get(campaignId);
        });
  }
}
