package org.bucn.tracker.appeal;

/**
 * News of a task that someone should hear of, published by the appeal step's engine listener inside
 * the engine's transaction (a rolled-back step tells nobody); the notification module listens.
 */
public sealed interface TaskNews {

  String taskId();

  TaskKey key();

  long appealId();

  /** A follow-up or an escalation the process opened that nobody carries: its group hears. */
  record Unclaimed(String taskId, TaskKey key, long appealId) implements TaskNews {}

  /** A task given to someone: by another person ({@code givenBy}), or by the process (null). */
  record Given(String taskId, TaskKey key, long appealId, String assignee, String givenBy)
      implements TaskNews {}
}
