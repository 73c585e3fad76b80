package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.AppealViews.Draft;
import org.bucn.tracker.appeal.AppealViews.SanctionOutcome;
import org.bucn.tracker.appeal.AppealViews.Submission;
import org.bucn.tracker.campaign.CampaignClosedEarly;
import org.bucn.tracker.campaign.CampaignLaunched;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignTerms;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens, moves, closes and withdraws appeals, and reads everything recorded about them. */
@Service
public class AppealService implements org.bucn.tracker.evidence.EvidenceHolders {

  private final AppealRepository appeals;
  private final CampaignService campaigns;
  private final Letters letters;
  private final TargetService targets;
  private final Timeline timeline;

  AppealService(
      AppealRepository appeals,
      CampaignService campaigns,
      Letters letters,
      TargetService targets,
      Timeline timeline) {
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.letters = letters;
    this.targets = targets;
    this.timeline = timeline;
  }

  /**
   * Creates one appeal row per target in the launch transaction, in one statement. Each appeal's
   * process, timeline entry and first draft follow in a job of their own ({@link #opened}), so a
   * launch answers at once however many targets it has.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void open(CampaignLaunched launched) {
    insert(launched.campaignId(), launched.targetIds(), launched.overrides(), launched.actor());
  }

  /**
   * The appeals of offices added to a running campaign, as their launch would have made them; the
   * ids in the order of {@code targetIds}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Long> openAdded(
      long campaignId,
      List<Long> targetIds,
      List<org.bucn.tracker.campaign.LaunchOverride> overrides,
      Actor actor) {
    insert(campaignId, targetIds, overrides, actor);
    return targetIds.stream()
        .map(targetId -> appeals.appealOf(campaignId, targetId).orElseThrow())
        .toList();
  }

  private void insert(
      long campaignId,
      List<Long> targetIds,
      List<org.bucn.tracker.campaign.LaunchOverride> overrides,
      Actor actor) {
    appeals.insertForCampaign(campaignId, targetIds);
    for (var override : overrides) {
      appeals
          .appealOf(campaignId, override.targetId())
          .ifPresent(
              appealId ->
                  timeline.record(
                      appealId,
                      actor.username(),
                      "LAUNCHED_DESPITE",
                      Sentence.of(
                          "launchedDespite",
                          Sentence.label(override.code()),
                          Sentence.text(override.reason()))));
    }
  }

  /**
   * The appeal's process has started: attach it, note it, and prepare draft 1 from the campaign's
   * letter when it has one. Runs in the job that starts the appeal, so a failed attempt rolls back
   * whole and its retry starts afresh.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(long appealId, String processInstanceId) {
    AppealRepository.AppealRow appeal =
        appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    if (appeal.processInstanceId() != null) {
      throw new IllegalStateException(
          "Appeal " + appealId + " already runs as process " + appeal.processInstanceId());
    }
    appeals.attachProcess(appealId, processInstanceId);
    CampaignTerms campaign = campaigns.terms(appeal.campaignId());
    String by = campaign.launchedBy() != null ? campaign.launchedBy() : Actor.SYSTEM.username();
    timeline.record(appealId, by, "OPENED", Sentence.of("opened"));
    Target target = targets.get(appeal.targetId());
    letters
        .renderer(campaign)
        .apply(target)
        .ifPresent(
            letter -> {
              appeals.insertDraft(appealId, letter.subject(), letter.text(), letter.language(), by);
              timeline.record(
                  appealId,
                  by,
                  "DRAFTED",
                  Sentence.of("draftedFromLetter", Sentence.language(letter.language())));
            });
  }

  /** How far the opening of a launched campaign's appeals has come. */
  @Transactional(readOnly = true)
  public AppealViews.Opening opening(long campaignId) {
    return appeals.opening(campaignId);
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void withdraw(CampaignClosedEarly closed) {
    for (long appealId : appeals.withdrawOpen(closed.campaignId())) {
      timeline.record(appealId, closed.actor().username(), "WITHDRAWN", Sentence.of("withdrawn"));
    }
  }

  /**
   * Withdraws the campaign's appeal to one office, the reason on its timeline; gives the appeal's
   * process instance, which the caller ends. 404 when the office is not in the campaign, 409 when
   * its appeal has ended or its process is still being opened.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String withdraw(long campaignId, long targetId, String reason, Actor actor) {
    long appealId =
        appeals
            .appealOf(campaignId, targetId)
            .orElseThrow(() -> new NotFoundException("campaignTarget", campaignId, targetId));
    AppealRepository.AppealRow appeal = appeals.lock(appealId).orElseThrow();
    if (appeal.stage() == AppealStage.CLOSED || appeal.stage() == AppealStage.WITHDRAWN) {
      throw new org.bucn.tracker.shared.ConflictException(
          "status",
          "refusal.appeal.endedAlready",
          org.bucn.tracker.shared.Refusal.label(appeal.stage()));
    }
    if (appeal.processInstanceId() == null) {
      throw new org.bucn.tracker.shared.ConflictException(null, "refusal.appeal.stillOpening");
    }
    appeals.withdraw(appealId);
    timeline.record(
        appealId,
        actor.username(),
        "WITHDRAWN",
        Sentence.of("withdrawnAlone", Sentence.text(reason)));
    return appeal.processInstanceId();
  }

  /**
   * Locks the appeal row until the transaction ends. Every step on an appeal takes this lock first,
   * before any task row, so steps on one appeal run one after the other on any node.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(long appealId) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
  }

  /**
   * Locks the appeal an open task belongs to, found by the task in the same statement: the first
   * lock of every step on a task. Empty when the task is not open, or when its appeal has ended: a
   * campaign closed early marks its appeals WITHDRAWN at once and ends their processes in batches
   * after it, and a task of an appeal withdrawn so must not move it on meanwhile.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public java.util.Optional<Long> lockOfTask(String taskId) {
    return appeals
        .lockOfTask(taskId)
        .filter(a -> a.stage() != AppealStage.CLOSED && a.stage() != AppealStage.WITHDRAWN)
        .map(AppealRepository.AppealRow::id);
  }

  /**
   * A task the process opens on an appeal, as the work list shows it: {@code assignee} is whom the
   * engine gave it to, if anyone; an advocate's task given to nobody goes to the advocate who
   * carries the appeal.
   */
  public record OpenedTask(
      String taskId,
      TaskKey key,
      String assignee,
      java.time.OffsetDateTime created,
      java.time.OffsetDateTime due) {}

  /**
   * A new task of the appeal, in one statement: locks the appeal (first, as every step does: timer
   * jobs create tasks too), moves it to the task's stage when the task has one, and lists the task;
   * returns who carries the appeal.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public java.util.Optional<String> enterStep(long appealId, OpenedTask task) {
    return appeals
        .enterStep(appealId, task)
        .orElseThrow(() -> new NotFoundException("appeal", appealId));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void assign(long appealId, String assignee) {
    appeals.setAssignee(appealId, assignee);
  }

  @Transactional(readOnly = true)
  public String processInstanceId(long appealId) {
    return appeals
        .find(appealId)
        .map(AppealRepository.AppealRow::processInstanceId)
        .orElseThrow(() -> new NotFoundException("appeal", appealId));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void note(long appealId, Actor actor, String action, Sentence sentence) {
    timeline.record(appealId, actor.username(), action, sentence);
  }

  /** The last step of every appeal that was not withdrawn. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void close(long appealId) {
    appeals.close(appealId);
    Sentence.Arg sanction =
        Sentence.clause(
            "closedSanction",
            appeals.sanctionChecks(appealId).stream()
                .reduce((a, b) -> b)
                .map(AppealViews.SanctionOutcome::status)
                .orElse(null));
    timeline.record(
        appealId,
        Actor.SYSTEM.username(),
        "CLOSED",
        appeals
            .response(appealId)
            .map(r -> Sentence.of("closedAnswered", Sentence.label(r.kind()), sanction))
            .orElseGet(() -> Sentence.of("closedSilent", sanction)));
  }

  @Transactional(readOnly = true)
  public List<AppealSummary> summariesOfCampaign(long campaignId) {
    campaigns.terms(campaignId);
    return appeals.summariesOfCampaign(campaignId);
  }

  /**
   * Keeps what someone typed into the next draft without finishing the task: it comes back in the
   * form, survives logging out and restarts, and is not a version; recording the draft drops it.
   */
  @Transactional
  public AppealViews.SavedDraft saveDraftInProgress(
      long appealId, String subject, String text, String language, Actor actor) {
    requireExists(appealId);
    appeals.saveDraftInProgress(appealId, subject, text, language, actor.username());
    return appeals.draftInProgress(appealId).orElseThrow();
  }

  /**
   * The review that sent the latest draft back, if the latest draft was sent back: what the
   * advocate has to change.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public java.util.Optional<AppealViews.Review> changesRequested(long appealId) {
    List<AppealViews.Review> reviews = appeals.reviews(appealId);
    if (reviews.isEmpty()) {
      return java.util.Optional.empty();
    }
    AppealViews.Review last = reviews.get(reviews.size() - 1);
    int latestDraft = appeals.drafts(appealId).stream().mapToInt(d -> d.version()).max().orElse(0);
    return last.decision() == ReviewDecision.REQUEST_CHANGES && last.draftVersion() == latestDraft
        ? java.util.Optional.of(last)
        : java.util.Optional.empty();
  }

  /** The advocate carrying the appeal, if someone does. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> assignee(long appealId) {
    return appeals.find(appealId).map(AppealRepository.AppealRow::assignee);
  }

  @Override
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, Sentence sentence, String link) {
    timeline.record(appealId, actor, action, sentence, link);
  }

  /** 404 unless the appeal exists. */
  @Override
  @Transactional(readOnly = true)
  public void requireExists(long appealId) {
    appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
  }

  /**
   * The appeal's letter (its latest draft, the office, the submission and follow-ups): what
   * printing or mailing it reads, four statements where the whole record takes twelve; the appeal's
   * row is not read again when the step holds it.
   */
  @Transactional(readOnly = true)
  public AppealViews.AppealLetter letter(long appealId) {
    AppealRepository.AppealRow row =
        appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    Submission submission = appeals.submission(appealId).orElse(null);
    return new AppealViews.AppealLetter(
        row.id(),
        row.campaignId(),
        row.campaignTitle(),
        addressed(row, submission),
        appeals.latestDraft(appealId).orElse(null),
        submission,
        appeals.followUps(appealId));
  }

  /** The appeal's office, named as the submission addressed it once submitted. */
  private AppealViews.TargetRef addressed(AppealRepository.AppealRow row, Submission submission) {
    return appeals
        .target(row.targetId())
        .addressedTo(submission == null ? null : submission.addressedTo());
  }

  @Transactional(readOnly = true)
  public AppealDetail detail(long appealId) {
    AppealRepository.AppealRow row =
        appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    List<Draft> drafts = appeals.drafts(appealId);
    List<SanctionOutcome> checks = appeals.sanctionChecks(appealId);
    Submission submission = appeals.submission(appealId).orElse(null);
    return new AppealDetail(
        row.id(),
        row.campaignId(),
        row.campaignTitle(),
        addressed(row, submission),
        row.stage(),
        row.assignee(),
        row.createdAt(),
        row.closedAt(),
        drafts.isEmpty() ? null : drafts.get(drafts.size() - 1),
        drafts,
        appeals.reviews(appealId),
        submission,
        appeals.followUps(appealId),
        appeals.escalations(appealId),
        appeals.response(appealId).orElse(null),
        checks.isEmpty() ? null : checks.get(checks.size() - 1),
        checks,
        timeline.of(appealId),
        appeals.draftInProgress(appealId).orElse(null));
  }
}
