package org.bucn.tracker.appeal.step;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.bucn.tracker.infrastructure.security.EngineIdentity;
import org.bucn.tracker.user.Actor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's side of a step, done as the person who takes it: the engine's history and its
 * listener ({@link StepEvents}) know who acted.
 */
@Component
class EngineTasks {

  private final TaskService engine;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final EngineIdentity identity;

  EngineTasks(
      TaskService engine, org.camunda.bpm.engine.RuntimeService runtime, EngineIdentity identity) {
    this.engine = engine;
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * Ends a withdrawn appeal's process through its event subprocess: its tasks and timers end, the
   * campaign counts it. An appeal opened under a version of the process without that subprocess
   * cannot be withdrawn alone (409): the campaign can still be closed early.
   */
  void withdraw(String processInstanceId, Actor actor) {
    identity.run(
        actor,
        () -> {
          boolean listening =
              runtime
                      .createEventSubscriptionQuery()
                      .processInstanceId(processInstanceId)
                      .eventName(org.bucn.tracker.appeal.AppealProcess.MESSAGE_WITHDRAWN)
                      .count()
                  > 0;
          if (!listening) {
            throw new org.bucn.tracker.shared.ConflictException(
                null, "refusal.appeal.olderProcess");
          }
          runtime
              .createMessageCorrelation(org.bucn.tracker.appeal.AppealProcess.MESSAGE_WITHDRAWN)
              .processInstanceId(processInstanceId)
              .correlateWithResult();
        });
  }

  void claim(String taskId, Actor actor) {
    identity.run(actor, () -> engine.claim(taskId, actor.username()));
  }

  /** Gives the task to {@code assignee}, or back to its group when null. */
  void give(String taskId, String assignee, Actor actor) {
    identity.run(actor, () -> engine.setAssignee(taskId, assignee));
  }

  /**
   * The engine's own due date of the task, so that what Camunda holds agrees with the task list.
   */
  void due(String taskId, OffsetDateTime due, Actor actor) {
    Task task = engine.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due.toInstant()));
    identity.run(actor, () -> engine.saveTask(task));
  }

  void complete(String taskId, Map<String, Object> routing, Actor actor) {
    identity.run(actor, () -> engine.complete(taskId, routing));
  }
}
