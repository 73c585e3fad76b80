package org.bucn.tracker.appeal;

import java.time.OffsetDateTime;
import java.util.List;

/** The open tasks of an appeal, for its page; the task module answers. */
public interface AppealTasks {

  /** One open task as the appeal page lists it. */
  record OpenTask(
      String id,
      String taskKey,
      String name,
      String candidateGroup,
      String assignee,
      OffsetDateTime created,
      OffsetDateTime due) {}

  List<OpenTask> openTasks(long appealId);
}
