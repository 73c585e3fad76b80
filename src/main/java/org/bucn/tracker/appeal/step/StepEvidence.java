package org.bucn.tracker.appeal.step;

import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Component;

/** Files handed in with a step, kept on the appeal as evidence of what the step records. */
@Component
class StepEvidence {

  /** What a file attached to a step is evidence of; steps not listed take no files. */
  private static final Map<TaskKey, EvidenceKind> EVIDENCE_OF =
      Map.of(
          TaskKey.SUBMIT_APPEAL, EvidenceKind.DELIVERY,
          TaskKey.FOLLOW_UP, EvidenceKind.DELIVERY,
          TaskKey.RECORD_RESPONSE, EvidenceKind.RESPONSE_LETTER,
          TaskKey.TRACK_SANCTION, EvidenceKind.SANCTION_ACT);

  private final EvidenceService evidence;

  StepEvidence(EvidenceService evidence) {
    this.evidence = evidence;
  }

  /** 400 when the step takes no files and some came: before anything is recorded. */
  void requireTaken(TaskKey key, List<Steps.Attachment> files) {
    if (!files.isEmpty() && !EVIDENCE_OF.containsKey(key)) {
      throw new InvalidFieldException("file", "refusal.step.noFiles");
    }
  }

  void keep(long appealId, TaskKey key, List<Steps.Attachment> files, Actor actor) {
    for (Steps.Attachment file : files) {
      evidence.add(
          appealId,
          new NewEvidence(EVIDENCE_OF.get(key), null, null),
          file.filename(),
          file.bytes(),
          actor.username());
    }
  }
}
