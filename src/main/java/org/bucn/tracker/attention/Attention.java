package org.bucn.tracker.attention;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.cosigning.CoSignatures;

/**
 * What needs a person now; the lists their role does not use are empty. Every line carries the
 * address of the page that shows it.
 *
 * @param escalations silent targets waiting for a coordinator's decision, oldest first
 * @param reviews drafts waiting for review, oldest first
 * @param overdueByAssignee overdue tasks per person ("unassigned" for nobody's), most first
 * @param unassigned open tasks nobody has taken, soonest due first
 * @param deliveryFailures letters the mail server refused that have not been sent again
 * @param unmatchedReplies replies waiting to be filed
 * @param signaturesAwaiting draft campaigns with co-signatures waiting for approval
 * @param campaigns every active campaign's appeals by stage
 * @param myTasks the person's own tasks, soonest due first
 * @param claimable what they may take, soonest due first
 * @param portfolio the managers' figures
 * @param slipping the campaigns with the most overdue tasks
 */
public record Attention(
    String role,
    List<Line> escalations,
    List<Line> reviews,
    List<PersonOverdue> overdueByAssignee,
    long unassignedCount,
    List<Line> unassigned,
    List<DeliveryFailure> deliveryFailures,
    long unmatchedReplies,
    List<CoSignatures.AwaitingApproval> signaturesAwaiting,
    List<CampaignProgress> campaigns,
    List<Line> myTasks,
    List<Line> claimable,
    Portfolio portfolio,
    List<Slipping> slipping) {

  /** One task: what, for which office, who holds it, when due. */
  public record Line(
      String taskId,
      String taskKey,
      String name,
      long appealId,
      String countryCode,
      String country,
      String office,
      String assignee,
      String assigneeName,
      OffsetDateTime created,
      OffsetDateTime due,
      boolean overdue,
      String url) {}

  public record PersonOverdue(String assignee, String displayName, long count, String url) {}

  public record DeliveryFailure(
      long appealId,
      String countryCode,
      String country,
      String office,
      String to,
      String error,
      String url) {}

  public record CampaignProgress(
      long campaignId, String title, long appeals, Map<AppealStage, Long> stages, String url) {}

  public record Portfolio(
      long appeals,
      long submitted,
      long responded,
      Double responseRate,
      Double medianDaysToResponse) {}

  public record Slipping(long campaignId, String title, long overdue, String url) {}
}
