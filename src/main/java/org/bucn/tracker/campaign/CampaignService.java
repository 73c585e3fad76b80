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

  CampaignService(
      CampaignRepository campaigns,
      TargetService targets,
      RuntimeService runtime,
      EngineIdentity engineIdentity,
      ApplicationEventPublisher events,
      StepTransactions steps,
      Letters letters) {
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

  @Transactional(readOnly = true)
  public List<Campaign> findAll() {
    return campaigns.findAll();
  }

  @Transactional
  public Campaign create(CampaignRequest request, Actor actor) {
    checkTargets(request);
    return get(campaigns.insert(request, actor.username()));
  }

  /**
   * The next round of a campaign: a new DRAFT with the same demands, follow-up and sanction
   * schedule, step times, mailbox, offices and letters (every language, the default kept), under
   * {@code title}. Nothing of the first round's appeals comes along; the copy is edited and
   * launched as any draft.
   */
  @Transactional
  public Campaign copy(long id, String title, Actor actor) {
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
                from.sanctionWithin()),
            actor);
    letters.copy(id, copy.id(), actor);
    return get(copy.id());
  }

  /** Changes a campaign that is still a DRAFT; once launched its appeals exist: 409. */
  @Transactional
  public Campaign update(long id, CampaignRequest request, Actor actor) {
    requireDraft(id, "changed");
    checkTargets(request);
    campaigns.update(id, request);
    return get(id);
  }

  /**
   * Deletes a DRAFT campaign, its letters and its list of targets; once launched, 409: what was
   * recorded stays.
   */
  @Transactional
  public void delete(long id, Actor actor) {
    requireDraft(id, "deleted");
    campaigns.delete(id);
  }

  private void requireDraft(long id, String what) {
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(
          "status", "refusal.campaign.notDraft." + what, Refusal.label(campaign.status()));
    }
  }

  private void checkTargets(CampaignRequest request) {
    Set<Long> known =
        targets.findAll(request.targetIds()).stream().map(Target::id).collect(Collectors.toSet());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < request.targetIds().size(); i++) {
      Long id = request.targetIds().get(i);
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
    Campaign campaign = campaigns.lock(id).orElseThrow(() -> new NotFoundException("campaign", id));
    if (campaign.status() == CampaignStatus.ACTIVE) {
      return campaign;
    }
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(
          "status", "refusal.campaign.launchNotDraft", Refusal.label(campaign.status()));
    }
    List<LetterError> errors = new java.util.ArrayList<>();
    List<LaunchOverride> used = new java.util.ArrayList<>();
    for (LetterPreview letter : letters.preview(id)) {
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
                            Letters.explain(code, letter))));
      }
    }
    if (!errors.isEmpty()) {
      throw ConflictException.withErrors(
          "overrides", errors, "refusal.campaign.launchErrors", errors.size());
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

  private void endEarly(String processInstanceId) {
    boolean appealsRunning =
        runtime
                .createEventSubscriptionQuery()
                .processInstanceId(processInstanceId)
                .eventName(CampaignProcess.MESSAGE_CLOSED_EARLY)
                .count()
            > 0;
    if (appealsRunning) {
      runtime
          .createMessageCorrelation(CampaignProcess.MESSAGE_CLOSED_EARLY)
          .processInstanceId(processInstanceId)
          .correlateWithResult();
    } else {
      // Closed in the moment between the launch and the job that opens its appeals: no appeal runs
      // yet.
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
