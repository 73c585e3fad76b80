package org.bucn.tracker.appeal.worklist;

import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.worklist.WorkItemRepository.WorkItem;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * The one order in which every step of an appeal takes its locks: the appeal first, then the task
 * (docs/architecture.md, "Locking"). The terminate end events delete sibling tasks while holding
 * the appeal; locking the task first deadlocked with them.
 */
@Component
public class TaskLock {

  private final WorkItemRepository workItems;
  private final AppealService appeals;
  private final HistoryService history;

  TaskLock(WorkItemRepository workItems, AppealService appeals, HistoryService history) {
    this.workItems = workItems;
    this.appeals = appeals;
    this.history = history;
  }

  /**
   * Locks the task's appeal until the transaction ends and reads the task as it is then. Every
   * change of an appeal's tasks holds the appeal, so the task needs no lock of its own: a second
   * person acting on it waits for the appeal, then finds the first one's result.
   */
  public WorkItem lock(String taskId) {
    appeals.lockOfTask(taskId).orElseThrow(() -> gone(taskId));
    return workItems.find(taskId).orElseThrow(() -> gone(taskId));
  }

  /**
   * The task's row as it is now, without a lock: to check who may act before reading their input.
   */
  public WorkItem peek(String taskId) {
    return workItems.find(taskId).orElseThrow(() -> gone(taskId));
  }

  /** A task that existed but is finished is a lost race (409); one that never existed is 404. */
  public RuntimeException gone(String taskId) {
    boolean existed = history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    return existed
        ? new ConflictException(null, "refusal.task.finished")
        : new NotFoundException("task", taskId);
  }
}
