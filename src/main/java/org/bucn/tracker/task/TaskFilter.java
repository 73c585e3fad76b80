package org.bucn.tracker.task;

/** What the task list is asked for; {@code null} filters match everything. */
public record TaskFilter(
    Scope scope, Long campaignId, String countryCode, String taskKey, boolean overdueOnly, Sort sort, int page, int size) {

  /** Whose tasks: assigned to me, open to my group, or every task (coordinators). */
  public enum Scope {
    MINE,
    CLAIMABLE,
    ALL
  }

  /** Soonest due first (the default), or oldest first. */
  public enum Sort {
    DUE,
    CREATED
  }
}
