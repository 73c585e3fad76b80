package org.bucn.tracker.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.SanctionStatus;

/**
 * What a manager sees at a glance, for one campaign or (campaignId null) for all of them.
 *
 * @param responseRate answered (any response but NO_RESPONSE) per submitted appeal, null before any
 *     submission
 * @param medianDaysToResponse median days from submission to an answer, null before any answer
 */
public record Dashboard(
    Long campaignId,
    String title,
    long appeals,
    Map<AppealStage, Long> stages,
    Map<ResponseKind, Long> responses,
    Map<SanctionStatus, Long> sanctions,
    long submitted,
    long responded,
    Double responseRate,
    Double medianDaysToResponse,
    Map<Integer, Long> daysToResponse,
    long overdueFollowUps,
    List<OverdueFollowUp> overdue,
    List<CountryRow> countries) {

  /** One country: how many appeals, where they stand, what came back. */
  public record CountryRow(
      String countryCode,
      String country,
      long appeals,
      Map<AppealStage, Long> stages,
      Map<ResponseKind, Long> responses,
      Map<SanctionStatus, Long> sanctions,
      String outcome) {}

  /** A follow-up past its due date, linking to its task. */
  public record OverdueFollowUp(
      String taskId,
      long appealId,
      long campaignId,
      String countryCode,
      String country,
      String office,
      String assignee,
      OffsetDateTime due) {}
}
