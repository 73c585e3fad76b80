package org.bucn.tracker.appeal.worklist;

import java.util.List;
import org.bucn.tracker.appeal.AppealTasks;
import org.springframework.stereotype.Component;

/** Answers the appeal page's question: which tasks of this appeal are open, and whose are they. */
@Component
class OpenTasksOfAppeals implements AppealTasks {

  private final WorkItemRepository workItems;

  OpenTasksOfAppeals(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  @Override
  public List<OpenTask> openTasks(long appealId) {
    return workItems.itemsOfAppeal(appealId).stream()
        .map(
            t ->
                new OpenTask(
                    t.id(),
                    t.taskKey(),
                    t.name(),
                    t.candidateGroup(),
                    t.assignee(),
                    t.created(),
                    t.due()))
        .toList();
  }
}
