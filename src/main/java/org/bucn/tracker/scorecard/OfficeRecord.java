package org.bucn.tracker.scorecard;

import java.time.LocalDate;
import java.util.List;
import org.bucn.tracker.target.Holder;

/**
 * Everything the network ever asked of one office and what came of it.
 *
 * @param holder the holder the record is read for ({@code ?holder=}), or null for everyone
 */
public record OfficeRecord(
    Office target,
    List<Holder> holders,
    String holder,
    List<Appeal> appeals,
    Figures figures,
    List<Stance> stance) {

  public record Office(
      long id, String countryCode, String country, String office, String holderName) {}

  /**
   * One appeal to the office.
   *
   * @param addressedTo whom the letter was addressed to (the holder on the day it was submitted)
   * @param answeredBy who held the office on the day the answer came, by the holder history
   */
  public record Appeal(
      long appealId,
      long campaignId,
      String campaignTitle,
      String addressedTo,
      String answeredBy,
      String stage,
      LocalDate submittedOn,
      long followUps,
      LocalDate lastFollowUpOn,
      Answer response,
      Sanction sanction) {}

  public record Answer(
      String kind,
      LocalDate date,
      Integer daysToAnswer,
      String summary,
      String source,
      List<EvidenceLink> evidence) {}

  public record EvidenceLink(long id, String filename, String url) {}

  public record Sanction(
      String status, String measure, LocalDate decidedOn, String reference, String source) {}

  /**
   * The office's figures, on the same rules as the dashboards: withdrawn appeals count for nothing;
   * an answer is any response but NO_RESPONSE.
   *
   * @param responseRate answered / submitted, or null before anything was submitted
   * @param positiveShare CONDEMNED or NON_RECOGNITION among the answers, or null without answers
   */
  public record Figures(
      long appeals,
      long submitted,
      long answered,
      Double responseRate,
      Double medianDaysToAnswer,
      Double positiveShare) {}

  /** One answer in the office's stance over time. */
  public record Stance(
      LocalDate date, String holder, String kind, long appealId, String campaignTitle) {}
}
