package org.bucn.tracker.appeal;

/**
 * News of a task that someone should hear of, published by the appeal step's engine listener inside
 * the engine's transaction (a rolled-back step tells nobody); the notification module listens.
 */
public sealed interface TaskNews {

  String taskId();

  TaskKey key();

  long appealId();

  /**
   * A task the process opened that nobody carries (a draft waiting for review, a follow-up, an
   * escalation): its group hears.
   */
  record Unclaimed(String taskId, TaskKey key, long appealId) implements TaskNews {}

  /**
   * A draft sent back to its advocate: the reviewer asked for changes, saying what ({@code
   * comment}); the new drafting task is {@code taskId}.
   */
  record ChangesRequested(
      String taskId, TaskKey key, long appealId, String assignee, String reviewer, String comment)
      implements TaskNews {}

  /** A coordinator moved the due date of a task someone else holds: the holder hears the day. */
  record DueMoved(
      String taskId,
      TaskKey key,
      long appealId,
      String assignee,
      String movedBy,
      java.time.LocalDate due)
      implements TaskNews {}

  /** A task given to someone: by another person ({@code givenBy}), or by the process (null). */
  record Given(String taskId, TaskKey key, long appealId, String assignee, String givenBy)
      implements TaskNews {}
}
