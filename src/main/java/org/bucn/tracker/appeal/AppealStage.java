package org.bucn.tracker.appeal;

/**
 * Where an appeal stands; kept in our table so lists and dashboards never read engine variables.
 */
public enum AppealStage {
  DRAFTING,
  IN_REVIEW,
  SUBMITTING,
  AWAITING_RESPONSE,
  ESCALATED,
  TRACKING_SANCTIONS,
  CLOSED,
  WITHDRAWN
}
