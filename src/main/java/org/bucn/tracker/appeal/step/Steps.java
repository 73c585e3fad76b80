package org.bucn.tracker.appeal.step;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealWork;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskLock;
import org.bucn.tracker.appeal.worklist.TaskPermissions;
import org.bucn.tracker.appeal.worklist.WorkItemRepository;
import org.bucn.tracker.appeal.worklist.WorkItemRepository.WorkItem;
import org.bucn.tracker.infrastructure.db.StepTransactions;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;

/**
 * A person's step on an appeal, whole: the task is locked (appeal first), the person's right to
 * complete it checked, their input validated and recorded with its files, and the engine's task
 * completed, in one transaction; then {@link StepEvents} takes what the engine does next. Bad input
 * changes nothing and leaves the task open; the loser of a race gets a conflict.
 */
@Service
public class Steps {

  /** The outcome of completing a task. */
  public record Completion(
      String taskId, String taskKey, long appealId, List<TaskItem> nextTasks) {}

  /** A file handed in with a step, kept on the appeal as evidence of what the step records. */
  public record Attachment(String filename, byte[] bytes) {}

  private final TaskLock locks;
  private final WorkItemRepository workItems;
  private final AppealWork work;
  private final StepEvidence evidence;
  private final EngineTasks engine;
  private final StepTransactions transactions;

  Steps(
      TaskLock locks,
      WorkItemRepository workItems,
      AppealWork work,
      StepEvidence evidence,
      EngineTasks engine,
      StepTransactions transactions) {
    this.locks = locks;
    this.workItems = workItems;
    this.work = work;
    this.evidence = evidence;
    this.engine = engine;
    this.transactions = transactions;
  }

  /**
   * The kind of task the actor is about to complete, with their right to complete it checked: for
   * steps that act on several tasks and pass over those of another kind. {@link #complete} checks
   * again under the lock.
   */
  public TaskKey keyToComplete(String taskId, Actor actor) {
    WorkItem item = locks.peek(taskId);
    TaskPermissions.requireComplete(actor, item.candidateGroup(), item.assignee());
    return item.key();
  }

  public Completion complete(String taskId, AppealInput input, Actor actor) {
    return complete(taskId, input, List.of(), actor);
  }

  /**
   * Completes the task with files attached in the same step (a response letter, proof of a
   * follow-up, a sanction act): kept as evidence in the same transaction, or nothing is kept. The
   * transaction is done again when the job executor touched the appeal's timers meanwhile ({@link
   * StepTransactions}).
   */
  public Completion complete(
      String taskId, AppealInput input, List<Attachment> files, Actor actor) {
    return complete(taskId, key -> input, files, actor);
  }

  /**
   * Completes the task with what the client sent, read as the fields of the task's kind once the
   * task is locked and the actor's right to complete it checked: who may not complete it hears so
   * (403), not that their fields are wrong, and the task is read once, under its appeal's lock.
   * Fields that do not bind are refused (400) and change nothing.
   */
  public Completion complete(
      String taskId, Function<TaskKey, AppealInput> input, List<Attachment> files, Actor actor) {
    return transactions.run(() -> completeOnce(taskId, input, files, actor));
  }

  private Completion completeOnce(
      String taskId, Function<TaskKey, AppealInput> fields, List<Attachment> files, Actor actor) {
    WorkItem item = locks.lock(taskId);
    TaskPermissions.requireComplete(actor, item.candidateGroup(), item.assignee());
    AppealInput input = fields.apply(item.key());
    if (input.taskKey() != item.key()) {
      throw new InvalidFieldException(
          "body",
          "refusal.step.otherTask",
          Refusal.task(input.taskKey().key()),
          Refusal.task(item.key().key()));
    }
    evidence.requireTaken(item.key(), files);
    Map<String, Object> routing = work.record(item.appealId(), input, actor);
    evidence.keep(item.appealId(), item.key(), files, actor);
    engine.complete(taskId, routing, actor);
    return new Completion(
        taskId, item.key().key(), item.appealId(), workItems.itemsOfAppeal(item.appealId()));
  }
}
