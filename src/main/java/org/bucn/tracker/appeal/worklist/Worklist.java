package org.bucn.tracker.appeal.worklist;

import java.util.List;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people see of the open tasks: their lists, their day's summary, one task with its appeal.
 */
@Service
public class Worklist {

  /**
   * What a task is and everything recorded about its appeal, for the task's form.
   *
   * @param mayComplete whether the viewer may complete the task now (the rule a step enforces)
   */
  public record TaskView(TaskItem task, AppealDetail appeal, boolean mayComplete) {}

  /**
   * The start page's line: tasks assigned to the person, overdue among them, open for them to
   * claim.
   */
  public record Summary(long mine, long mineOverdue, long claimable) {}

  private final WorkItemRepository workItems;
  private final AppealService appeals;
  private final TaskLock locks;

  Worklist(WorkItemRepository workItems, AppealService appeals, TaskLock locks) {
    this.workItems = workItems;
    this.appeals = appeals;
    this.locks = locks;
  }

  @Transactional(readOnly = true)
  public TaskPage list(TaskFilter filter, Actor actor) {
    TaskPermissions.requireWork(actor);
    if (filter.scope() == TaskFilter.Scope.ALL && !actor.has(Role.COORDINATOR)) {
      throw new Forbidden("refusal.forbidden.everyTask");
    }
    return workItems.page(filter, actor.username(), TaskPermissions.claimableGroups(actor));
  }

  @Transactional(readOnly = true)
  public Summary summary(Actor actor) {
    TaskPermissions.requireWork(actor);
    return workItems.summary(actor.username(), TaskPermissions.claimableGroups(actor));
  }

  /**
   * One task for a person who may see it; a finished task is a conflict, as {@link TaskLock#gone}
   * says.
   */
  @Transactional(readOnly = true)
  public TaskView view(String taskId, Actor actor) {
    TaskPermissions.requireWork(actor);
    TaskItem item = workItems.item(taskId).orElseThrow(() -> locks.gone(taskId));
    TaskPermissions.requireSee(actor, item.candidateGroup(), item.assignee());
    return new TaskView(
        item,
        appeals.detail(item.appealId()),
        TaskPermissions.mayComplete(actor, item.candidateGroup(), item.assignee()));
  }

  /** The open tasks of one appeal, oldest first. */
  @Transactional(readOnly = true)
  public List<TaskItem> openTasksOfAppeal(long appealId) {
    return workItems.itemsOfAppeal(appealId);
  }
}
