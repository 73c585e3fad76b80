package org.bucn.tracker.appeal.step;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.TaskNews;
import org.bucn.tracker.appeal.worklist.WorkItemRepository;
import org.bucn.tracker.infrastructure.db.TransactionMemo;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one listener to the engine's user tasks, inside the engine's transaction, whether a person's
 * step or a timer job moved the process. In this order:
 *
 * <ol>
 *   <li><b>create</b>: the appeal is locked and moves to the task's stage; an advocate task goes to
 *       the advocate who carries the appeal; the task joins the work list; the timeline notes the
 *       tasks the process opens by itself (follow-up due, escalation, sanction check); a follow-up
 *       or escalation nobody carries is news for its group.
 *   <li><b>assignment</b>: an advocate task's holder carries the appeal; the work list follows; a
 *       task given by someone else, or by the process, is news for its new holder.
 *   <li><b>complete</b>: done on behalf of the holder is noted; the task leaves the work list; the
 *       completion is counted once committed ({@code tracker_task_completions_total{task_key}}).
 *   <li><b>delete</b> (a sibling ended by the process): the task leaves the work list.
 * </ol>
 */
@Component
class StepEvents {

  private final AppealService appeals;
  private final WorkItemRepository workItems;
  private final IdentityService identity;
  private final People people;
  private final ApplicationEventPublisher news;
  private final MeterRegistry meters;

  /**
   * The tasks created in this transaction, with the holder they were listed with and the appeal's
   * carrier then: the engine's {@code assignment} event that follows a {@code create} which set the
   * holder has nothing left to write.
   */
  private final TransactionMemo<String, Created> created = new TransactionMemo<>();

  private record Created(String assignee, String carrier) {}

  StepEvents(
      AppealService appeals,
      WorkItemRepository workItems,
      IdentityService identity,
      People people,
      ApplicationEventPublisher news,
      MeterRegistry meters) {
    this.appeals = appeals;
    this.workItems = workItems;
    this.identity = identity;
    this.people = people;
    this.news = news;
    this.meters = meters;
  }

  @EventListener
  public void on(DelegateTask task) {
    Optional<TaskKey> key = TaskKey.fromElementId(task.getTaskDefinitionKey());
    if (key.isEmpty()) {
      return;
    }
    switch (task.getEventName()) {
      case "create" -> created(task, key.get());
      case "assignment" -> assigned(task, key.get());
      case "update" -> workItems.updateAssignee(task.getId(), task.getAssignee());
      case "complete" -> completed(task, key.get());
      case "delete" -> workItems.delete(task.getId());
      default -> {}
    }
  }

  private void created(DelegateTask task, TaskKey key) {
    long appealId = appealId(task);
    // Timer jobs create tasks too: this locks the appeal first, as every step does; the task is
    // listed in the same statement, for the appeal's carrier if it is an advocate's and nobody's.
    Optional<String> carrier =
        appeals.enterStep(
            appealId,
            new AppealService.OpenedTask(
                task.getId(),
                key,
                task.getAssignee(),
                time(task.getCreateTime()),
                time(task.getDueDate())));
    if (key.group() == Role.ADVOCATE && task.getAssignee() == null) {
      // The advocate who carries the appeal gets its next steps without claiming each one.
      carrier.ifPresent(task::setAssignee);
    }
    created.keep(task.getId(), Optional.of(new Created(task.getAssignee(), carrier.orElse(null))));
    switch (key) {
      case FOLLOW_UP ->
          appeals.note(appealId, Actor.SYSTEM, "FOLLOW_UP_DUE", Sentence.of("followUpDue"));
      case ESCALATE_NO_RESPONSE ->
          appeals.note(appealId, Actor.SYSTEM, "ESCALATED", Sentence.of("escalated"));
      case TRACK_SANCTION ->
          appeals.note(
              appealId, Actor.SYSTEM, "SANCTION_CHECK_DUE", Sentence.of("sanctionCheckDue"));
      default -> {}
    }
    if ((key == TaskKey.REVIEW_APPEAL
            || key == TaskKey.FOLLOW_UP
            || key == TaskKey.ESCALATE_NO_RESPONSE)
        && task.getAssignee() == null) {
      news.publishEvent(new TaskNews.Unclaimed(task.getId(), key, appealId));
    }
  }

  private void assigned(DelegateTask task, TaskKey key) {
    String assignee = task.getAssignee();
    Optional<Created> justCreated = created.kept(task.getId());
    if (key.group() == Role.ADVOCATE
        && assignee != null
        && !justCreated.map(c -> assignee.equals(c.carrier())).orElse(false)) {
      // The appeal's assignee is the advocate who carries it; a coordinator reviewing it does not
      // take it over.
      appeals.assign(appealId(task), assignee);
    }
    if (!justCreated.map(c -> java.util.Objects.equals(c.assignee(), assignee)).orElse(false)) {
      workItems.updateAssignee(task.getId(), assignee);
      // Given again in the same transaction: each later change is written too.
      created.keep(task.getId(), Optional.empty());
    }
    String actor = actingUser();
    if (assignee != null && !assignee.equals(actor)) {
      long appealId = appealId(task);
      // A draft back with its advocate after a review that asked for changes: they hear what.
      var sentBack =
          key == TaskKey.DRAFT_APPEAL
              ? appeals.changesRequested(appealId)
              : java.util.Optional.<org.bucn.tracker.appeal.AppealViews.Review>empty();
      news.publishEvent(
          sentBack.isPresent()
              ? new TaskNews.ChangesRequested(
                  task.getId(),
                  key,
                  appealId,
                  assignee,
                  sentBack.get().reviewer(),
                  sentBack.get().comment())
              : new TaskNews.Given(task.getId(), key, appealId, assignee, actor));
    }
  }

  private void completed(DelegateTask task, TaskKey key) {
    String actor = actingUser();
    if (task.getAssignee() != null && actor != null && !task.getAssignee().equals(actor)) {
      appeals.note(
          appealId(task),
          new Actor(actor, Set.of()),
          "ON_BEHALF",
          Sentence.of("onBehalf", Sentence.task(key.key()), Sentence.person(task.getAssignee())));
    }
    workItems.delete(task.getId());
    countOnCommit(key);
  }

  private void countOnCommit(TaskKey key) {
    Counter completions =
        Counter.builder("tracker.task.completions")
            .description("Tasks completed, by kind")
            .tag("task_key", key.key())
            .register(meters);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            completions.increment();
          }
        });
  }

  private String actingUser() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static long appealId(DelegateTask task) {
    return (Long) task.getVariable(AppealProcess.APPEAL_ID);
  }

  private static OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
