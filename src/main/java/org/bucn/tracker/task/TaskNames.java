package org.bucn.tracker.task;

import org.bucn.tracker.appeal.TaskKey;

/** The names people read for each task key (the BPMN names, kept here so lists need no engine call). */
final class TaskNames {

  private TaskNames() {}

  static String of(TaskKey key) {
    return switch (key) {
      case DRAFT_APPEAL -> "Draft the appeal";
      case REVIEW_APPEAL -> "Review the appeal";
      case SUBMIT_APPEAL -> "Submit the appeal";
      case RECORD_RESPONSE -> "Record the response";
      case FOLLOW_UP -> "Follow up";
      case ESCALATE_NO_RESPONSE -> "Decide on a silent target";
      case TRACK_SANCTION -> "Track the sanction outcome";
    };
  }
}
