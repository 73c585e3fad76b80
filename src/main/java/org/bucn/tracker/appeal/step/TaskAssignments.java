package org.bucn.tracker.appeal.step;

import java.util.Objects;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskLock;
import org.bucn.tracker.appeal.worklist.TaskPermissions;
import org.bucn.tracker.appeal.worklist.WorkItemRepository;
import org.bucn.tracker.appeal.worklist.WorkItemRepository.WorkItem;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a task: advocates claim and release their group's tasks, coordinators give any task to
 * someone who can work it, and may undo that. Each change is a line on the appeal's timeline.
 */
@Service
public class TaskAssignments {

  /**
   * A task given to someone, and who held it before (null: nobody), so that the assignment can be
   * undone.
   */
  public record Assignment(TaskItem task, String previous) {}

  private final TaskLock locks;
  private final WorkItemRepository workItems;
  private final AppealService appeals;
  private final UserService users;
  private final EngineTasks engine;
  private final People people;

  TaskAssignments(
      TaskLock locks,
      WorkItemRepository workItems,
      AppealService appeals,
      UserService users,
      EngineTasks engine,
      People people) {
    this.locks = locks;
    this.workItems = workItems;
    this.appeals = appeals;
    this.users = users;
    this.engine = engine;
    this.people = people;
  }

  @Transactional
  public TaskItem claim(String taskId, Actor actor) {
    WorkItem item = locks.lock(taskId);
    TaskPermissions.requireTake(actor, item.candidateGroup());
    if (item.assignee() != null) {
      if (item.assignee().equals(actor.username())) {
        return current(taskId);
      }
      throw new ConflictException("assignee", "refusal.task.claimedBy", item.assignee());
    }
    engine.claim(taskId, actor);
    appeals.note(
        item.appealId(), actor, "CLAIMED", Sentence.of("claimed", Sentence.task(item.key().key())));
    return current(taskId);
  }

  @Transactional
  public TaskItem unclaim(String taskId, Actor actor) {
    WorkItem item = locks.lock(taskId);
    TaskPermissions.requireTake(actor, item.candidateGroup());
    if (item.assignee() == null) {
      return current(taskId);
    }
    TaskPermissions.requireRelease(actor, item.candidateGroup(), item.assignee());
    engine.give(taskId, null, actor);
    appeals.note(
        item.appealId(),
        actor,
        "UNCLAIMED",
        Sentence.of("released", Sentence.task(item.key().key())));
    return current(taskId);
  }

  @Transactional
  public TaskItem assign(String taskId, String assignee, Actor actor) {
    return reassign(taskId, assignee, actor).task();
  }

  @Transactional
  public Assignment reassign(String taskId, String assignee, Actor actor) {
    TaskPermissions.requireAssign(actor, "assign");
    WorkItem item = locks.lock(taskId);
    UserAccount user =
        users
            .find(assignee)
            .filter(UserAccount::enabled)
            .orElseThrow(
                () -> new InvalidFieldException("assignee", "refusal.task.noSuchUser", assignee));
    Role group = Role.valueOf(item.candidateGroup());
    if (!user.has(group) && !user.has(Role.COORDINATOR)) {
      throw new InvalidFieldException(
          "assignee", "refusal.task.wrongRole", assignee, Refusal.label(group));
    }
    engine.give(taskId, assignee, actor);
    appeals.note(
        item.appealId(),
        actor,
        "ASSIGNED",
        Sentence.of("assigned", Sentence.task(item.key().key()), Sentence.person(user.username())));
    return new Assignment(current(taskId), item.assignee());
  }

  /**
   * Gives a task back to whoever held it before an assignment ({@code previous}, null: nobody), if
   * it is still held by {@code assignedTo}: a task started by its new holder, or given on since, is
   * left as it is (409).
   */
  @Transactional
  public TaskItem undoAssignment(String taskId, String assignedTo, String previous, Actor actor) {
    TaskPermissions.requireAssign(actor, "assign");
    WorkItem item = locks.lock(taskId);
    if (!Objects.equals(item.assignee(), assignedTo)) {
      throw new ConflictException(
          null,
          "refusal.task.noLongerHeld",
          Refusal.task(item.key().key()),
          people.name(assignedTo));
    }
    if (previous == null) {
      engine.give(taskId, null, actor);
      appeals.note(
          item.appealId(),
          actor,
          "UNCLAIMED",
          Sentence.of("tookBack", Sentence.task(item.key().key()), Sentence.person(assignedTo)));
      return current(taskId);
    }
    return assign(taskId, previous, actor);
  }

  private TaskItem current(String taskId) {
    return workItems.item(taskId).orElseThrow();
  }
}
