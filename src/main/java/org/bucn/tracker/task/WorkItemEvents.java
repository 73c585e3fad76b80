package org.bucn.tracker.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.TaskKey;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps work_item in step with the engine's user tasks, inside the engine's own transaction. */
@Component
class WorkItemEvents {

  private final WorkItemRepository workItems;

  WorkItemEvents(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  @EventListener
  public void on(DelegateTask task) {
    TaskKey key = TaskKey.fromElementId(task.getTaskDefinitionKey()).orElse(null);
    if (key == null) {
      return;
    }
    switch (task.getEventName()) {
      case "create" ->
          workItems.insert(
              task.getId(),
              key,
              (Long) task.getVariable(AppealProcess.APPEAL_ID),
              (Long) task.getVariable(AppealProcess.CAMPAIGN_ID),
              task.getAssignee(),
              time(task.getCreateTime()),
              time(task.getDueDate()));
      case "assignment", "update" -> workItems.updateAssignee(task.getId(), task.getAssignee());
      case "complete", "delete" -> workItems.delete(task.getId());
      default -> {}
    }
  }

  private static OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
