package org.bucn.tracker.appeal;

/**
 * The vocabulary of {@code bpmn/appeal.bpmn}: process key, variables (ids and routing flags only)
 * and the ids of the elements that code and tests refer to.
 */
public final class AppealProcess {

  private AppealProcess() {}

  public static final String KEY = "appeal";

  // Ids.
  public static final String APPEAL_ID = "appealId";
  public static final String CAMPAIGN_ID = "campaignId";

  // Routing flags, written by the step that decides them.
  public static final String APPROVED = "approved";
  public static final String FOLLOW_UPS_EXHAUSTED = "followUpsExhausted";
  public static final String EXTEND = "extend";
  public static final String TRACK_SANCTIONS = "trackSanctions";
  public static final String SANCTION_PENDING = "sanctionPending";

  public static final String EVENT_FOLLOW_UP_DUE = "Event_FollowUpDue";

  /**
   * The wait after the last follow-up of a round, before a coordinator decides on the silent
   * target.
   */
  public static final String EVENT_LAST_ANSWER_WINDOW = "Event_LastAnswerWindow";

  public static final String END_RESPONSE_RECORDED = "End_ResponseRecorded";
  public static final String END_CLOSED_NO_RESPONSE = "End_ClosedNoResponse";
  public static final String GATEWAY_TRACK_SANCTIONS = "Gateway_TrackSanctions";
  public static final String EVENT_SANCTION_RECHECK_DUE = "Event_SanctionRecheckDue";
  public static final String TASK_CLOSE_APPEAL = "Task_CloseAppeal";
  public static final String END_APPEAL_CLOSED = "End_AppealClosed";

  /** One office taken out of a running campaign: the appeal's event subprocess ends it. */
  public static final String MESSAGE_WITHDRAWN = "appealWithdrawn";

  public static final String END_APPEAL_WITHDRAWN = "End_AppealWithdrawn";
}
