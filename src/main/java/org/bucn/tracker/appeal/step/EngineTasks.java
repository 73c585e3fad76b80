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
  private final EngineIdentity identity;

  EngineTasks(TaskService engine, EngineIdentity identity) {
    this.engine = engine;
    this.identity = identity;
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
