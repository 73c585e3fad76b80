package org.bucn.tracker.appeal;

import java.util.Arrays;
import java.util.Optional;
import org.bucn.tracker.user.Role;

/**
 * The user tasks of the appeal process: the key the API speaks, the BPMN element id and name (the
 * name people read; {@code ProcessVocabularyTests} holds it equal to the model's), the role whose
 * members may work it, the stage the appeal enters when it appears, and its input.
 */
public enum TaskKey {
  DRAFT_APPEAL(
      "draftAppeal",
      "Task_DraftAppeal",
      "Draft the appeal",
      Role.ADVOCATE,
      AppealStage.DRAFTING,
      AppealInput.Draft.class),
  REVIEW_APPEAL(
      "reviewAppeal",
      "Task_ReviewAppeal",
      "Review the appeal",
      Role.COORDINATOR,
      AppealStage.IN_REVIEW,
      AppealInput.Review.class),
  SUBMIT_APPEAL(
      "submitAppeal",
      "Task_SubmitAppeal",
      "Submit the appeal",
      Role.ADVOCATE,
      AppealStage.SUBMITTING,
      AppealInput.Submission.class),
  RECORD_RESPONSE(
      "recordResponse",
      "Task_RecordResponse",
      "Record the response",
      Role.ADVOCATE,
      AppealStage.AWAITING_RESPONSE,
      AppealInput.Response.class),
  FOLLOW_UP(
      "followUp", "Task_FollowUp", "Follow up", Role.ADVOCATE, null, AppealInput.FollowUp.class),
  ESCALATE_NO_RESPONSE(
      "escalateNoResponse",
      "Task_EscalateNoResponse",
      "Decide on a silent target",
      Role.COORDINATOR,
      AppealStage.ESCALATED,
      AppealInput.Escalation.class),
  TRACK_SANCTION(
      "trackSanction",
      "Task_TrackSanction",
      "Track the sanction outcome",
      Role.ADVOCATE,
      AppealStage.TRACKING_SANCTIONS,
      AppealInput.Sanction.class);

  private final String key;
  private final String elementId;
  private final String displayName;
  private final Role group;
  private final AppealStage stage;
  private final Class<? extends AppealInput> inputType;

  TaskKey(
      String key,
      String elementId,
      String displayName,
      Role group,
      AppealStage stage,
      Class<? extends AppealInput> inputType) {
    this.key = key;
    this.elementId = elementId;
    this.displayName = displayName;
    this.group = group;
    this.stage = stage;
    this.inputType = inputType;
  }

  public String key() {
    return key;
  }

  public String elementId() {
    return elementId;
  }

  /** The task's name as the process model and every list show it, e.g. "Draft the appeal". */
  public String displayName() {
    return displayName;
  }

  /** The role that works this task; coordinators may act on every task. */
  public Role group() {
    return group;
  }

  /** The stage an appeal enters when this task appears, or empty when the stage stays. */
  public Optional<AppealStage> stage() {
    return Optional.ofNullable(stage);
  }

  public Class<? extends AppealInput> inputType() {
    return inputType;
  }

  public static Optional<TaskKey> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  public static Optional<TaskKey> fromElementId(String elementId) {
    return Arrays.stream(values()).filter(k -> k.elementId.equals(elementId)).findFirst();
  }
}
