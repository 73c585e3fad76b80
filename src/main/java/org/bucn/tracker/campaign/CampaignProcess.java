package org.bucn.tracker.campaign;

/** The vocabulary of {@code bpmn/campaign.bpmn}: its key, variables, message and element ids. */
public final class CampaignProcess {

  private CampaignProcess() {}

  public static final String KEY = "campaign";

  public static final String CAMPAIGN_ID = "campaignId";

  public static final String MESSAGE_CLOSED_EARLY = "campaignClosedEarly";

  public static final String EVENT_CLOSED_EARLY = "Event_CampaignClosedEarly";
  public static final String TASK_CLOSE = "Task_CloseCampaign";
  public static final String END_WITHDRAWN = "End_CampaignWithdrawn";
}
