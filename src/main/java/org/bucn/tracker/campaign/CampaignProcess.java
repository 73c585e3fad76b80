package org.bucn.tracker.campaign;

/** The vocabulary of {@code bpmn/campaign.bpmn}: its key, variables, messages and element ids. */
public final class CampaignProcess {

  private CampaignProcess() {}

  public static final String KEY = "campaign";

  public static final String CAMPAIGN_ID = "campaignId";

  public static final String MESSAGE_CLOSED_EARLY = "campaignClosedEarly";

  /** Sent by the last appeal of the campaign to end. */
  public static final String MESSAGE_EVERY_APPEAL_ENDED = "everyAppealEnded";

  // The opening of the appeals, batch by batch (Task_OpenAppeals).
  /** The last appeal id of the campaign as the first batch read its list. */
  public static final String APPEALS_UP_TO = "appealsUpTo";

  /** The last appeal id opened so far. */
  public static final String OPENED_UP_TO = "openedUpTo";

  public static final String OPENING_LEFT = "openingLeft";
  public static final String CLOSED_EARLY = "closedEarly";

  // The ending of the open appeals after an early close, batch by batch (Task_WithdrawAppeals).
  public static final String WITHDRAWN_UP_TO = "withdrawnUpTo";
  public static final String WITHDRAWING_LEFT = "withdrawingLeft";

  public static final String TASK_OPEN = "Task_OpenAppeals";
  public static final String EVENT_EVERY_APPEAL_ENDED = "Event_EveryAppealEnded";
  public static final String EVENT_CLOSED_EARLY = "Event_CampaignClosedEarly";
  public static final String TASK_CLOSE = "Task_CloseCampaign";
  public static final String TASK_WITHDRAW = "Task_WithdrawAppeals";
  public static final String END_WITHDRAWN = "End_CampaignWithdrawn";
}
