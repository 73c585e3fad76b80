package org.bucn.tracker.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.infrastructure.db.StepTransactions;
import org.bucn.tracker.infrastructure.security.EngineIdentity;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, launches and closes campaigns; each step commits with its engine step or not at all. */
@Service
public class CampaignService {

  private final CampaignRepository campaigns;
  private final TargetService targets;
  private final RuntimeService runtime;
  private final EngineIdentity engineIdentity;
  private final ApplicationEventPublisher events;
  private final StepTransactions steps;
  private final Letters letters;
  private final ScheduledLaunches scheduled;
  private final java.time.Clock clock;

  CampaignService(
      CampaignRepository campaigns,
      TargetService targets,
      RuntimeService runtime,
      EngineIdentity engineIdentity,
      ApplicationEventPublisher events,
      StepTransactions steps,
      Letters letters,
      ScheduledLaunches scheduled,
      java.time.Clock clock) {
    this.scheduled = scheduled;
    this.clock = clock;
    this.steps = steps;
    this.letters = letters;
    this.campaigns = campaigns;
    this.targets = targets;
    this.runtime = runtime;
    this.engineIdentity = engineIdentity;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public Campaign get(long id) {
    return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
  }

  /** What a step of one of its appeals needs of the campaign: {@link CampaignTerms}. */
  @Transactional(readOnly = true)
  public CampaignTerms terms(long id) {
    return campaigns.terms(id).orElseThrow(() -> new NotFoundException("campaign", id));
  }

  @Transactional(readOnly = true)
  public List<Campaign> findAll() {
    return campaigns.findAll();
  }

  @Transactional
  public Campaign create(CampaignRequest request, Actor actor) {
    checkTargets(request);
    checkLaunchTime(request);
    long id = campaigns.insert(request, actor.username());
    if (request.launchAt() != null) {
      scheduled.schedule(id, request.launchAt());
    }
    return get(id);
  }

  /**
   * The next round of a campaign: a new DRAFT with the same demands, follow-up and sanction
   * schedule, step times, mailbox, offices and letters (every language, the default kept), under
   * {@code title}. Nothing of the first round's appeals comes along; the copy is edited and
   * launched as any draft.
   */
  @Transactional
  public Campaign copy(long id, String title, Actor actor) {
    return copy(id, title, null, actor);
  }

  /** As {@link #copy(long, String, Actor)}, the copy launching by itself at {@code launchAt}. */
  @Transactional
  public Campaign copy(long id, String title, java.time.OffsetDateTime launchAt, Actor actor) {
    Campaign from = get(id);
    Campaign copy =
        create(
            new CampaignRequest(
                title,
                from.summary(),
                from.demands(),
                from.followUpInterval(),
                from.maxFollowUps(),
                from.sanctionCheckInterval(),
                from.targetIds(),
                from.replyTo(),
                from.draftWithin(),
                from.reviewWithin(),
                from.submitWithin(),
                from.responseWithin(),
                from.sanctionWithin(),
                launchAt),
            actor);
    letters.copy(id, copy.id(), actor);
    return get(copy.id());
  }

  /** Changes a campaign that is still a DRAFT; once launched its appeals exist: 409. */
  @Transactional
  public Campaign update(long id, CampaignRequest request, Actor actor) {
    requireDraft(id, "changed");
    checkTargets(request);
    checkLaunchTime(request);
    campaigns.update(id, request, actor.username());
    scheduled.schedule(id, request.launchAt());
    return get(id);
  }

  /**
   * Deletes a DRAFT campaign, its letters and its list of targets; once launched, 409: what was
   * recorded stays.
   */
  @Transactional
  public void delete(long id, Actor actor) {
    requireDraft(id, "deleted");
    scheduled.cancel(id);
    campaigns.delete(id);
  }

  private void requireDraft(long id, String what) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(
          "status", "refusal.campaign.notDraft." + what, Refusal.label(campaign.status()));
    }
  }

  /** A launch time is a moment to come. */
  private void checkLaunchTime(CampaignRequest request) {
    if (request.launchAt() != null && !request.launchAt().toInstant().isAfter(clock.instant())) {
      throw new InvalidFieldException("launchAt", "refusal.campaign.launchAtPast");
    }
  }

  private void checkTargets(CampaignRequest request) {
    checkTargets(request.targetIds());
  }

  private void checkTargets(List<Long> targetIds) {
    Set<Long> known =
        targets.findAll(targetIds).stream().map(Target::id).collect(Collectors.toSet());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < targetIds.size(); i++) {
      Long id = targetIds.get(i);
      if (!known.contains(id)) {
        throw new InvalidFieldException(
            "targetIds[" + i + "]", "refusal.campaign.noTarget", String.valueOf(id));
      }
      if (!seen.add(id)) {
        throw new InvalidFieldException(
            "targetIds[" + i + "]", "refusal.campaign.targetTwice", String.valueOf(id));
      }
    }
  }

  /** Launches a campaign whose letters have no error; see {@link #launch(long, List, Actor)}. */
  @Transactional
  public Campaign launch(long id, Actor actor) {
    return launch(id, List.of(), actor);
  }

  /**
   * Creates one appeal per target and starts the campaign process, whose jobs then open the appeals
   * one by one (see campaign.bpmn). A letter with an error of the preview (a language the office
   * does not read, no form of address, a script mismatch, a holder named but unknown, no e-mail
   * address) stops it, 409 listing each, unless {@code overrides} names that error of that office
   * with a reason, which the appeal's timeline keeps. Idempotent: launching an active campaign
   * again changes nothing, on any node (the campaign row is locked).
   */
  @Transactional
  public Campaign launch(long id, List<LaunchOverride> overrides, Actor actor) {
    return launch(id, overrides, actor, true);
  }

  /**
   * @param endTheWait whether a wait for the launch time ends too: not when that wait is what
   *     launches it
   */
  private Campaign launch(
      long id, List<LaunchOverride> overrides, Actor actor, boolean endTheWait) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() == CampaignStatus.ACTIVE) {
      return campaign;
    }
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(
          "status", "refusal.campaign.launchNotDraft", Refusal.label(campaign.status()));
    }
    List<LaunchOverride> used = letterErrorsOverridden(id, overrides, campaign.targetIds());
    if (endTheWait) {
      scheduled.cancel(id);
    }
    campaigns.markLaunched(id, actor.username());
    events.publishEvent(new CampaignLaunched(id, campaign.targetIds(), actor, used));
    String processInstanceId =
        engineIdentity.as(
            actor,
            () ->
                runtime
                    .createProcessInstanceByKey(CampaignProcess.KEY)
                    .businessKey(String.valueOf(id))
                    .setVariable(CampaignProcess.CAMPAIGN_ID, id)
                    .execute()
                    .getId());
    campaigns.setProcessInstance(id, processInstanceId);
    return get(id);
  }

  /**
   * The launch a campaign's launch time brings ({@code bpmn/scheduled-launch.bpmn}), on whichever
   * node runs its timer, as the coordinator who set the time: a draft whose letters have no error
   * launches; one with errors does not, and its coordinators are told ({@link
   * CampaignLaunchStopped}). A campaign launched by hand meanwhile, or gone, is left as it is.
   */
  @Transactional
  public void launchAtItsTime(long id) {
    Campaign campaign = campaigns.lock(id).orElse(null);
    if (campaign == null
        || campaign.status() != CampaignStatus.DRAFT
        || campaign.launchAt() == null
        || campaign.launchAt().toInstant().isAfter(clock.instant())) {
      return;
    }
    List<LetterError> errors = new java.util.ArrayList<>();
    errorsOf(id, List.of(), campaign.targetIds(), errors);
    if (!errors.isEmpty()) {
      campaigns.markLaunchStopped(id);
      events.publishEvent(new CampaignLaunchStopped(id, campaign.title(), errors));
      return;
    }
    String by = campaigns.launchScheduledBy(id);
    launch(id, List.of(), new Actor(by, Set.of(org.bucn.tracker.user.Role.COORDINATOR)), false);
  }

  /**
   * The overrides that were needed: every error of the letters of {@code targetIds} must be named
   * by one, else 409 listing each error left.
   */
  private List<LaunchOverride> letterErrorsOverridden(
      long id, List<LaunchOverride> overrides, java.util.Collection<Long> targetIds) {
    List<LetterError> errors = new java.util.ArrayList<>();
    List<LaunchOverride> used = errorsOf(id, overrides, targetIds, errors);
    if (!errors.isEmpty()) {
      throw ConflictException.withErrors(
          "overrides", errors, "refusal.campaign.launchErrors", errors.size());
    }
    return used;
  }

  /** Adds to {@code errors} each error of the preview no override names; returns those used. */
  private List<LaunchOverride> errorsOf(
      long id,
      List<LaunchOverride> overrides,
      java.util.Collection<Long> targetIds,
      List<LetterError> errors) {
    Set<Long> checked = new HashSet<>(targetIds);
    List<LaunchOverride> used = new java.util.ArrayList<>();
    for (LetterPreview letter : letters.preview(id)) {
      if (!checked.contains(letter.targetId())) {
        continue;
      }
      for (LetterWarning code : letter.errors()) {
        overrides.stream()
            .filter(o -> o.targetId() == letter.targetId() && o.code() == code)
            .findFirst()
            .ifPresentOrElse(
                used::add,
                () ->
                    errors.add(
                        new LetterError(
                            letter.targetId(),
                            letter.country(),
                            letter.office(),
                            code,
                            letters.explain(code, letter))));
      }
    }
    return used;
  }

  /**
   * Adds offices to a draft's list, or to a running campaign, where each needs its letter checked
   * as at launch (the overrides of the request name the errors to go ahead despite); the caller
   * opens their appeals ({@link #runAppeals}). A closed campaign takes no office (409); an office
   * already in the campaign is a 409 on its field, an unknown one a 400.
   *
   * @return the campaign as it is now, and the overrides the added letters needed
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public TargetsAdded addTargets(long id, AddTargetsRequest request) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() == CampaignStatus.CLOSED) {
      throw new ConflictException("status", "refusal.campaign.closedNoOffices");
    }
    checkTargets(request.targetIds());
    for (int i = 0; i < request.targetIds().size(); i++) {
      if (campaign.targetIds().contains(request.targetIds().get(i))) {
        throw new ConflictException(
            "targetIds[" + i + "]",
            "refusal.campaign.targetAlready",
            String.valueOf(request.targetIds().get(i)));
      }
    }
    campaigns.addTargets(id, request.targetIds());
    List<LaunchOverride> used =
        campaign.status() == CampaignStatus.ACTIVE
            ? letterErrorsOverridden(id, request.overrides(), request.targetIds())
            : List.of();
    return new TargetsAdded(get(id), used);
  }

  /** A campaign with offices added, and the letter errors the coordinator went ahead despite. */
  public record TargetsAdded(Campaign campaign, List<LaunchOverride> overrides) {}

  /**
   * Whether the caller opens the appeals of offices just added to a running campaign itself: yes
   * once the campaign process has read its list of appeals ({@link CampaignProcess#APPEALS_UP_TO});
   * before that, the process opens them with the rest ({@link #holdWhileOpening}). A campaign
   * launched under the process's version before 2026-12 (one multi-instance subprocess over every
   * appeal) runs them as more instances of that subprocess, as it always did.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public boolean runAppeals(long id, List<Long> appealIds, Actor actor) {
    String processInstanceId = campaigns.processInstanceId(id).orElseThrow();
    if (runtime.getVariable(processInstanceId, CampaignProcess.APPEALS_UP_TO) != null) {
      return true;
    }
    engineIdentity.run(
        actor,
        () -> {
          org.camunda.bpm.engine.runtime.ActivityInstance[] bodies =
              runtime.getActivityInstance(processInstanceId).getActivityInstances(OLD_APPEALS_BODY);
          if (bodies.length == 0) {
            return;
          }
          var modification = runtime.createProcessInstanceModification(processInstanceId);
          for (long appealId : appealIds) {
            modification
                .startBeforeActivity(OLD_SUBPROCESS_APPEALS, bodies[0].getId())
                .setVariableLocal("appealId", appealId);
          }
          modification.execute();
        });
    return false;
  }

  /**
   * The appeals' subprocess of campaign.bpmn before 2026-12, which running campaigns may still use.
   */
  private static final String OLD_SUBPROCESS_APPEALS = "SubProcess_Appeals";

  private static final String OLD_APPEALS_BODY = OLD_SUBPROCESS_APPEALS + "#multiInstanceBody";

  /**
   * Called by the campaign process as it opens its appeals: an office added at that moment waits
   * until the batch is done, or the batch waits for the addition. Gives the campaign's status (a
   * campaign closed meanwhile opens no more).
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public CampaignStatus holdWhileOpening(long id) {
    return campaigns.lockShared(id);
  }

  /**
   * The campaign's last open appeal has ended: its process closes it ({@code
   * Event_EveryAppealEnded}). A campaign closed early meanwhile, or one launched under the
   * process's earlier version (which counts its appeals itself), is not waiting for this.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void everyAppealEnded(long id) {
    campaigns
        .processInstanceId(id)
        .filter(
            processInstanceId ->
                waitsFor(processInstanceId, CampaignProcess.MESSAGE_EVERY_APPEAL_ENDED))
        .ifPresent(
            processInstanceId ->
                runtime
                    .createMessageCorrelation(CampaignProcess.MESSAGE_EVERY_APPEAL_ENDED)
                    .processInstanceId(processInstanceId)
                    .correlateWithResult());
  }

  private boolean waitsFor(String processInstanceId, String message) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(processInstanceId)
            .eventName(message)
            .count()
        > 0;
  }

  /**
   * Takes an office off a draft campaign's list (404 when it is not on it); a running campaign's
   * office is withdrawn with its appeal instead, by the appeal's owner.
   *
   * @return the campaign's status, locked until the transaction ends
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public CampaignStatus removeTarget(long id, long targetId) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (!campaign.targetIds().contains(targetId)) {
      throw new NotFoundException("campaignTarget", id, targetId);
    }
    if (campaign.status() == CampaignStatus.DRAFT) {
      campaigns.removeTarget(id, targetId);
    }
    return campaign.status();
  }

  /**
   * Closes a campaign before every appeal has ended: open appeals become WITHDRAWN and their tasks
   * and timers end; everything recorded so far stays. Done again when the job executor touched a
   * timer meanwhile ({@link StepTransactions}).
   */
  public Campaign close(long id, Actor actor) {
    return steps.run(() -> closeOnce(id, actor));
  }

  private Campaign closeOnce(long id, Actor actor) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() == CampaignStatus.CLOSED) {
      throw new ConflictException("status", "refusal.campaign.closedAlready");
    }
    campaigns.markClosed(id, actor.username(), campaign.status() == CampaignStatus.ACTIVE);
    if (campaign.status() == CampaignStatus.ACTIVE) {
      events.publishEvent(new CampaignClosedEarly(id, actor));
      String processInstanceId = campaigns.processInstanceId(id).orElseThrow();
      engineIdentity.run(actor, () -> endEarly(processInstanceId));
    }
    return get(id);
  }

  /**
   * Tells the campaign process it was closed early: waiting for its appeals, it ends them ({@code
   * Task_WithdrawAppeals}); still opening them, its next batch sees the campaign closed and does
   * the same. A campaign of the process's earlier version closed before its appeals were opened has
   * none to end: its process goes.
   */
  private void endEarly(String processInstanceId) {
    if (waitsFor(processInstanceId, CampaignProcess.MESSAGE_CLOSED_EARLY)) {
      runtime
          .createMessageCorrelation(CampaignProcess.MESSAGE_CLOSED_EARLY)
          .processInstanceId(processInstanceId)
          .correlateWithResult();
    } else if (runtime
            .createExecutionQuery()
            .processInstanceId(processInstanceId)
            .activityId("Start_CampaignLaunched")
            .count()
        > 0) {
      runtime.deleteProcessInstance(
          processInstanceId, "Closed early, before its appeals were opened");
    }
  }

  /**
   * Shows the campaign on the public transparency page ({@code /public}), or takes it off. Only an
   * ACTIVE or CLOSED campaign is published: a draft has nothing to show yet.
   */
  @Transactional
  public Campaign publish(long id, boolean published, Actor actor) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (published && campaign.status() == CampaignStatus.DRAFT) {
      throw new ConflictException("status", "refusal.campaign.draftNotPublished");
    }
    campaigns.markPublished(id, actor.username(), published);
    return get(id);
  }

  /** The published campaigns, most recently published first. */
  @Transactional(readOnly = true)
  public List<Campaign> published() {
    return campaigns.published();
  }

  /** The campaign process calls this when every appeal has closed. */
  @Transactional
  public void closeBecauseEveryAppealClosed(long id) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() == CampaignStatus.ACTIVE) {
      campaigns.markClosed(id, Actor.SYSTEM.username(), false);
    }
  }
}
