package org.bucn.tracker.campaign;

/** The vocabulary of {@code bpmn/campaign.bpmn}: its key, variables, message and element ids. */
public final class CampaignProcess {

  private CampaignProcess() {}

  public static final String KEY = "campaign";

  public static final String CAMPAIGN_ID = "campaignId";

  public static final String MESSAGE_CLOSED_EARLY = "campaignClosedEarly";

  /** The subprocess that runs one appeal per office, and its multi-instance body. */
  public static final String SUBPROCESS_APPEALS = "SubProcess_Appeals";

  public static final String APPEALS_BODY = SUBPROCESS_APPEALS + "#multiInstanceBody";

  /** The element variable of each appeal's instance. */
  public static final String APPEAL_ID = "appealId";

  public static final String EVENT_CLOSED_EARLY = "Event_CampaignClosedEarly";
  public static final String TASK_CLOSE = "Task_CloseCampaign";
  public static final String END_WITHDRAWN = "End_CampaignWithdrawn";
}
