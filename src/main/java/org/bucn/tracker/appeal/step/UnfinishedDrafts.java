package org.bucn.tracker.appeal.step;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskLock;
import org.bucn.tracker.appeal.worklist.TaskPermissions;
import org.bucn.tracker.appeal.worklist.WorkItemRepository.WorkItem;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.target.LanguageCode;
import org.bucn.tracker.target.LanguageTags;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what the person completing a drafting task has typed, without completing it: nothing is
 * lost when they are called away, and no version is added to the review history.
 */
@Service
public class UnfinishedDrafts {

  /** Unfinished work on a draft: the text may be half written, the language not yet chosen. */
  public record DraftWork(
      @NotBlank @Size(max = 50_000) String text,
      @LanguageCode String language,
      @Size(max = 300) String subject) {

    public DraftWork {
      language =
          language == null || language.isBlank()
              ? null
              : LanguageTags.canonical(language.strip()).orElse(language);
      subject = subject == null || subject.isBlank() ? null : subject.strip();
    }
  }

  private final TaskLock locks;
  private final AppealService appeals;
  private final Validator validator;

  UnfinishedDrafts(TaskLock locks, AppealService appeals, Validator validator) {
    this.locks = locks;
    this.appeals = appeals;
    this.validator = validator;
  }

  @Transactional
  public AppealViews.SavedDraft save(String taskId, DraftWork work, Actor actor) {
    WorkItem item = locks.lock(taskId);
    TaskPermissions.requireComplete(actor, item.candidateGroup(), item.assignee());
    if (item.key() != TaskKey.DRAFT_APPEAL) {
      throw new ConflictException(
          null, "refusal.draft.onlyDrafting", Refusal.task(item.key().key()));
    }
    Set<ConstraintViolation<DraftWork>> violations = validator.validate(work);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return appeals.saveDraftInProgress(
        item.appealId(), work.subject(), work.text(), work.language(), actor);
  }
}
