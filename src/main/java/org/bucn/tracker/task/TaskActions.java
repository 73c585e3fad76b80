package org.bucn.tracker.task;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews;
import org.bucn.tracker.appeal.AppealWork;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.bucn.tracker.infrastructure.db.StepTransactions;
import org.bucn.tracker.infrastructure.security.EngineIdentity;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.task.WorkItemRepository.WorkItem;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and act on which task, enforced here for the web pages and the API alike:
 * coordinators act on every task; advocates on their group's unassigned tasks and their own.
 */
@Service
public class TaskActions {

  private final WorkItemRepository workItems;
  private final AppealWork appealWork;
  private final AppealService appeals;
  private final UserService users;
  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final HistoryService history;
  private final EngineIdentity engineIdentity;
  private final Validator validator;
  private final EvidenceService evidence;
  private final java.time.Clock clock;
  private final People people;
  private final StepTransactions steps;

  /** What a file attached to a step is evidence of; steps not listed take no files. */
  private static final Map<TaskKey, EvidenceKind> EVIDENCE_OF = Map.of(
      TaskKey.SUBMIT_APPEAL, EvidenceKind.DELIVERY,
      TaskKey.FOLLOW_UP, EvidenceKind.DELIVERY,
      TaskKey.RECORD_RESPONSE, EvidenceKind.RESPONSE_LETTER,
      TaskKey.TRACK_SANCTION, EvidenceKind.SANCTION_ACT);

  private final io.micrometer.core.instrument.MeterRegistry meters;

  TaskActions(
      WorkItemRepository workItems,
      AppealWork appealWork,
      AppealService appeals,
      UserService users,
      org.camunda.bpm.engine.TaskService engineTasks,
      HistoryService history,
      EngineIdentity engineIdentity,
      Validator validator,
      EvidenceService evidence,
      java.time.Clock clock,
      People people,
      StepTransactions steps,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.steps = steps;
    this.evidence = evidence;
    this.clock = clock;
    this.people = people;
    this.workItems = workItems;
    this.appealWork = appealWork;
    this.appeals = appeals;
    this.users = users;
    this.engineTasks = engineTasks;
    this.history = history;
    this.engineIdentity = engineIdentity;
    this.validator = validator;
  }

  /**
   * What a task is and everything recorded about its appeal, for the task's form.
   *
   * @param mayComplete whether the viewer may complete the task now (the rule {@link #complete} enforces)
   */
  public record TaskView(TaskItem task, AppealDetail appeal, boolean mayComplete) {}

  /** The outcome of completing a task. */
  public record Completion(String taskId, String taskKey, long appealId, List<TaskItem> nextTasks) {}

  /** The start page's line: tasks assigned to the person, overdue among them, open for them to claim. */
  public record Summary(long mine, long mineOverdue, long claimable) {}

  @Transactional(readOnly = true)
  public TaskPage list(TaskFilter filter, Actor actor) {
    TaskPermissions.requireWork(actor);
    if (filter.scope() == TaskFilter.Scope.ALL && !actor.has(Role.COORDINATOR)) {
      throw new AccessDeniedException("Only coordinators see every task");
    }
    return workItems.page(filter, actor.username(), claimableGroups(actor));
  }

  @Transactional(readOnly = true)
  public Summary summary(Actor actor) {
    TaskPermissions.requireWork(actor);
    return workItems.summary(actor.username(), claimableGroups(actor));
  }

  private static List<String> claimableGroups(Actor actor) {
    return TaskPermissions.claimableGroups(actor);
  }

  @Transactional(readOnly = true)
  public TaskView view(String taskId, Actor actor) {
    TaskPermissions.requireWork(actor);
    TaskItem item = workItems.item(taskId).orElseThrow(() -> gone(taskId));
    TaskPermissions.requireSee(actor, item.candidateGroup(), item.assignee());
    return new TaskView(item, appeals.detail(item.appealId()), TaskPermissions.mayComplete(actor, item.candidateGroup(), item.assignee()));
  }

  /** The open tasks of one appeal (for its page). */
  @Transactional(readOnly = true)
  public List<TaskItem> openTasksOfAppeal(long appealId) {
    return workItems.itemsOfAppeal(appealId);
  }

  @Transactional
  public TaskItem claim(String taskId, Actor actor) {
    WorkItem item = lock(taskId);
    TaskPermissions.requireTake(actor, item.candidateGroup());
    if (item.assignee() != null) {
      if (item.assignee().equals(actor.username())) {
        return workItems.item(taskId).orElseThrow();
      }
      throw new ConflictException("assignee", "The task was claimed by " + item.assignee() + " already");
    }
    engineIdentity.run(actor, () -> engineTasks.claim(taskId, actor.username()));
    appeals.note(item.appealId(), actor, "CLAIMED", "took \"" + item.key().displayName() + "\"");
    return workItems.item(taskId).orElseThrow();
  }

  @Transactional
  public TaskItem unclaim(String taskId, Actor actor) {
    WorkItem item = lock(taskId);
    TaskPermissions.requireTake(actor, item.candidateGroup());
    if (item.assignee() == null) {
      return workItems.item(taskId).orElseThrow();
    }
    TaskPermissions.requireRelease(actor, item.candidateGroup(), item.assignee());
    engineIdentity.run(actor, () -> engineTasks.setAssignee(taskId, null));
    appeals.note(item.appealId(), actor, "UNCLAIMED", "released \"" + item.key().displayName() + "\"");
    return workItems.item(taskId).orElseThrow();
  }

  @Transactional
  public TaskItem assign(String taskId, String assignee, Actor actor) {
    return reassign(taskId, assignee, actor).task();
  }

  /** A task given to someone, and who held it before (null: nobody), so that the assignment can be undone. */
  public record Assignment(TaskItem task, String previous) {}

  @Transactional
  public Assignment reassign(String taskId, String assignee, Actor actor) {
    TaskPermissions.requireAssign(actor, "assign tasks");
    WorkItem item = lock(taskId);
    UserAccount user =
        users.find(assignee).filter(UserAccount::enabled)
            .orElseThrow(() -> new InvalidFieldException("assignee", "no active user named '" + assignee + "'"));
    Role group = Role.valueOf(item.candidateGroup());
    if (!user.has(group) && !user.has(Role.COORDINATOR)) {
      throw new InvalidFieldException("assignee", assignee + " is not a " + group.name().toLowerCase() + " and cannot work this task");
    }
    engineIdentity.run(actor, () -> engineTasks.setAssignee(taskId, assignee));
    appeals.note(item.appealId(), actor, "ASSIGNED", "gave \"" + item.key().displayName() + "\" to "
        + people.name(user.username()));
    return new Assignment(workItems.item(taskId).orElseThrow(), item.assignee());
  }

  /**
   * Gives a task back to whoever held it before an assignment ({@code previous}, null: nobody), if
   * it is still held by {@code assignedTo}: a task started by its new holder, or given on since, is
   * left as it is (409).
   */
  @Transactional
  public TaskItem undoAssignment(String taskId, String assignedTo, String previous, Actor actor) {
    TaskPermissions.requireAssign(actor, "assign tasks");
    WorkItem item = lock(taskId);
    if (!java.util.Objects.equals(item.assignee(), assignedTo)) {
      throw new ConflictException("\"" + item.key().displayName() + "\" is no longer held by " + people.name(assignedTo) + ": left as it is");
    }
    if (previous == null) {
      engineIdentity.run(actor, () -> engineTasks.setAssignee(taskId, null));
      appeals.note(item.appealId(), actor, "UNCLAIMED", "took back \"" + item.key().displayName() + "\" from " + people.name(assignedTo));
      return workItems.item(taskId).orElseThrow();
    }
    return assign(taskId, previous, actor);
  }

  /**
   * Records when a task appeared and was due as history has it, when history is seeded (the demo
   * campaign's tasks, some of them overdue); people set due dates with {@link #setDue}, never in the past.
   */
  @Transactional
  public void backdate(String taskId, OffsetDateTime created, OffsetDateTime due) {
    WorkItem item = lock(taskId);
    if (due != null) {
      engineDue(taskId, due, Actor.SYSTEM);
    }
    workItems.backdate(item.taskId(), created, due);
  }

  /** The engine's own due date of the task, so that what Camunda holds agrees with the task list. */
  private void engineDue(String taskId, OffsetDateTime due, Actor actor) {
    org.camunda.bpm.engine.task.Task task = engineTasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(java.util.Date.from(due.toInstant()));
    engineIdentity.run(actor, () -> engineTasks.saveTask(task));
  }

  /**
   * A coordinator sets or moves when a task is due (not into the past); the task list and the
   * timeline show it.
   */
  @Transactional
  public TaskItem setDue(String taskId, OffsetDateTime due, Actor actor) {
    TaskPermissions.requireAssign(actor, "set due dates");
    if (due == null) {
      throw new InvalidFieldException("due", "is required: an ISO date-time such as 2026-12-05T17:00:00Z");
    }
    if (due.toInstant().isBefore(clock.instant())) {
      throw new InvalidFieldException("due", "must not be in the past");
    }
    WorkItem item = lock(taskId);
    engineDue(taskId, due, actor);
    workItems.updateDue(taskId, due);
    appeals.note(item.appealId(), actor, "DUE_SET",
        "set \"" + item.key().displayName() + "\" due " + org.bucn.tracker.shared.Words.date(due.toLocalDate()));
    return workItems.item(taskId).orElseThrow();
  }

  /**
   * The task the actor is about to complete, checked before their input is read: who may not
   * complete it hears so (403), not that their fields are wrong. {@link #complete} checks again
   * under the lock. One read, so no transaction of its own: a begin and a commit would be two more
   * round trips to the database on every completion.
   */
  public TaskKey keyToComplete(String taskId, Actor actor) {
    WorkItem item = workItems.find(taskId).orElseThrow(() -> gone(taskId));
    requireMayComplete(item, actor);
    return item.key();
  }

  /**
   * Validates the task's fields, records them and completes the task in one transaction: bad
   * input changes nothing and leaves the task open; the loser of a race gets a conflict.
   */
  public Completion complete(String taskId, AppealInput input, Actor actor) {
    return complete(taskId, input, List.of(), actor);
  }

  /** A file handed in with a step, kept on the appeal as evidence of what the step records. */
  public record Attachment(String filename, byte[] bytes) {}

  /**
   * Completes the task with files attached in the same step (a response letter, proof of a
   * follow-up, a sanction act): kept as evidence in the same transaction, or nothing is kept. The
   * transaction is done again when the job executor touched the appeal's timers meanwhile
   * ({@link StepTransactions}).
   */
  public Completion complete(String taskId, AppealInput input, List<Attachment> files, Actor actor) {
    return steps.run(() -> completeOnce(taskId, input, files, actor));
  }

  private Completion completeOnce(String taskId, AppealInput input, List<Attachment> files, Actor actor) {
    WorkItem item = lock(taskId);
    requireMayComplete(item, actor);
    if (input.taskKey() != item.key()) {
      throw new InvalidFieldException("body", "holds the fields of " + input.taskKey().key() + ", but this task is " + item.key().key());
    }
    Set<ConstraintViolation<AppealInput>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    EvidenceKind kind = EVIDENCE_OF.get(item.key());
    if (!files.isEmpty() && kind == null) {
      throw new InvalidFieldException("file", "is not taken by this step: attach files when recording a follow-up, a response or a sanction outcome");
    }
    Map<String, Object> flags = appealWork.record(item.appealId(), input, actor);
    if (item.assignee() != null && !item.assignee().equals(actor.username())) {
      appeals.note(item.appealId(), actor, "ON_BEHALF",
          "completed \"" + item.key().displayName() + "\" on behalf of " + people.name(item.assignee()));
    }
    for (Attachment file : files) {
      evidence.add(item.appealId(), new NewEvidence(kind, "Attached to " + item.key().key(), null), file.filename(), file.bytes(),
          actor.username());
    }
    engineIdentity.run(actor, () -> engineTasks.complete(taskId, flags));
    countOnCommit(item.key());
    return new Completion(taskId, item.key().key(), item.appealId(), workItems.itemsOfAppeal(item.appealId()));
  }

  /** {@code tracker_task_completions_total{task_key}}: completions that were committed, not ones rolled back. */
  private void countOnCommit(TaskKey key) {
    var completions = io.micrometer.core.instrument.Counter.builder("tracker.task.completions")
        .description("Tasks completed, by kind").tag("task_key", key.key()).register(meters);
    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
        new org.springframework.transaction.support.TransactionSynchronization() {
          @Override
          public void afterCommit() {
            completions.increment();
          }
        });
  }

  /** Unfinished work on a draft: the text may be half written, the language not yet chosen. */
  public record DraftWork(
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 50_000) String text,
      @org.bucn.tracker.target.LanguageCode String language,
      @jakarta.validation.constraints.Size(max = 300) String subject) {

    public DraftWork {
      language = language == null || language.isBlank() ? null
          : org.bucn.tracker.target.LanguageTags.canonical(language.strip()).orElse(language);
      subject = subject == null || subject.isBlank() ? null : subject.strip();
    }
  }

  /**
   * Keeps what the person completing a drafting task has typed, without completing it: nothing is
   * lost when they are called away, and no version is added to the review history.
   */
  @Transactional
  public AppealViews.SavedDraft saveDraft(String taskId, DraftWork work, Actor actor) {
    WorkItem item = lock(taskId);
    requireMayComplete(item, actor);
    if (item.key() != TaskKey.DRAFT_APPEAL) {
      throw new ConflictException("Only a drafting task keeps unfinished work; this task is " + item.key().key());
    }
    Set<ConstraintViolation<DraftWork>> violations = validator.validate(work);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return appeals.saveDraftInProgress(item.appealId(), work.subject(), work.text(), work.language(), actor);
  }

  private static void requireMayComplete(WorkItem item, Actor actor) {
    TaskPermissions.requireComplete(actor, item.candidateGroup(), item.assignee());
  }

  /**
   * Locks the task's appeal, then the task: the one order every step of an appeal takes (see
   * docs/architecture.md). The terminate end events delete sibling tasks while holding the
   * appeal; locking the task first deadlocked with them.
   */
  private WorkItem lock(String taskId) {
    long appealId = workItems.appealOf(taskId).orElseThrow(() -> gone(taskId));
    appeals.lock(appealId);
    return workItems.lock(taskId).orElseThrow(() -> gone(taskId));
  }

  /** A task that existed but is finished is a lost race (409); one that never existed is 404. */
  private RuntimeException gone(String taskId) {
    boolean existed = history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    return existed
        ? new ConflictException("This task is finished already: someone completed it, or its appeal moved on")
        : new NotFoundException("task", taskId);
  }

}
