package org.bucn.tracker.appeal.step;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskNews;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskLock;
import org.bucn.tracker.appeal.worklist.TaskPermissions;
import org.bucn.tracker.appeal.worklist.WorkItemRepository;
import org.bucn.tracker.appeal.worklist.WorkItemRepository.WorkItem;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When a task is due: the process sets it, a coordinator moves it (never into the past). */
@Service
public class DueDates {

  private final TaskLock locks;
  private final WorkItemRepository workItems;
  private final EngineTasks engine;
  private final AppealService appeals;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher news;

  DueDates(
      TaskLock locks,
      WorkItemRepository workItems,
      EngineTasks engine,
      AppealService appeals,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher news) {
    this.news = news;
    this.locks = locks;
    this.workItems = workItems;
    this.engine = engine;
    this.appeals = appeals;
    this.clock = clock;
  }

  /** A coordinator sets or moves when a task is due; the task list and the timeline show it. */
  @Transactional
  public TaskItem setDue(String taskId, OffsetDateTime due, Actor actor) {
    TaskPermissions.requireAssign(actor, "setDue");
    if (due == null) {
      throw new InvalidFieldException("due", "refusal.due.required");
    }
    if (due.toInstant().isBefore(clock.instant())) {
      throw new InvalidFieldException("due", "refusal.due.past");
    }
    WorkItem item = locks.lock(taskId);
    engine.due(taskId, due, actor);
    workItems.updateDue(taskId, due);
    appeals.note(
        item.appealId(),
        actor,
        "DUE_SET",
        Sentence.of("dueSet", Sentence.task(item.key().key()), Sentence.date(due.toLocalDate())));
    if (item.assignee() != null && !item.assignee().equals(actor.username())) {
      // Whoever holds the task hears the new day, in their own language (the notice says it).
      news.publishEvent(
          new TaskNews.DueMoved(
              taskId,
              item.key(),
              item.appealId(),
              item.assignee(),
              actor.username(),
              due.toLocalDate()));
    }
    return workItems.item(taskId).orElseThrow();
  }

  /**
   * Moves a task's due date by whole days (back with a negative number), from when it is due, or
   * from now when it has no due date yet: the board's "move due dates by N days".
   */
  @Transactional
  public TaskItem moveDue(String taskId, int days, Actor actor) {
    TaskPermissions.requireAssign(actor, "setDue");
    locks.lock(taskId);
    OffsetDateTime due = workItems.item(taskId).orElseThrow().due();
    OffsetDateTime from =
        due != null ? due : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return setDue(taskId, from.plusDays(days), actor);
  }
}
