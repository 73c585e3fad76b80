package org.bucn.tracker.appeal;

import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves an appeal to the stage its new task stands for, hands advocate tasks to the advocate
 * who carries the appeal, and notes on the timeline the tasks the engine creates by itself
 * (follow-ups due, escalations). Runs inside the engine's transaction.
 */
@Component
class AppealTaskEvents {

  private final AppealService appeals;

  AppealTaskEvents(AppealService appeals) {
    this.appeals = appeals;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100)
  public void created(DelegateTask task) {
    TaskKey key = TaskKey.fromElementId(task.getTaskDefinitionKey()).orElse(null);
    if (key == null) {
      return;
    }
    long appealId = (Long) task.getVariable(AppealProcess.APPEAL_ID);
    // Timer jobs create tasks too: this locks the appeal first, as every step does.
    java.util.Optional<String> carrier = appeals.enterStep(appealId, key.stage());
    if (key.group() == Role.ADVOCATE && task.getAssignee() == null) {
      // The advocate who carries the appeal gets its next steps without claiming each one.
      carrier.ifPresent(task::setAssignee);
    }
    switch (key) {
      case FOLLOW_UP -> appeals.note(appealId, Actor.SYSTEM, "FOLLOW_UP_DUE", "No response yet: a follow-up is due");
      case ESCALATE_NO_RESPONSE ->
          appeals.note(appealId, Actor.SYSTEM, "ESCALATED", "Still no response after every follow-up: coordinators decide");
      case TRACK_SANCTION -> appeals.note(appealId, Actor.SYSTEM, "SANCTION_CHECK_DUE", "Sanction outcome to check");
      default -> {}
    }
  }

  @EventListener(condition = "#task.eventName == 'assignment'")
  public void assigned(DelegateTask task) {
    // The appeal's assignee is the advocate who carries it; a coordinator reviewing it does not take it over.
    boolean advocateTask =
        TaskKey.fromElementId(task.getTaskDefinitionKey()).map(k -> k.group() == Role.ADVOCATE).orElse(false);
    if (advocateTask && task.getAssignee() != null) {
      appeals.assign((Long) task.getVariable(AppealProcess.APPEAL_ID), task.getAssignee());
    }
  }
}
