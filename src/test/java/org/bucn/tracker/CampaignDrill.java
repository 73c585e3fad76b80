package org.bucn.tracker;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.campaign.LaunchOverride;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;

/** Drives campaigns and appeals through the same services the API uses, as the demo users. */
@TestComponent
public class CampaignDrill {

  public static final Actor COORDINATOR = new Actor("coordinator", Set.of(Role.COORDINATOR));
  public static final Actor ADVOCATE = new Actor("advocate", Set.of(Role.ADVOCATE));
  public static final Actor ADVOCATE2 = new Actor("advocate2", Set.of(Role.ADVOCATE));

  private final CampaignService campaigns;
  private final AppealService appeals;
  private final TargetService targets;
  private final Worklist worklist;
  private final TaskAssignments assignments;
  private final Steps steps;
  private final RuntimeService runtime;
  private final TaskInputs inputs;
  private final Letters letters;

  CampaignDrill(
      CampaignService campaigns,
      AppealService appeals,
      TargetService targets,
      Worklist worklist,
      TaskAssignments assignments,
      Steps steps,
      RuntimeService runtime,
      TaskInputs inputs,
      Letters letters) {
    this.letters = letters;
    this.campaigns = campaigns;
    this.appeals = appeals;
    this.targets = targets;
    this.worklist = worklist;
    this.assignments = assignments;
    this.steps = steps;
    this.runtime = runtime;
    this.inputs = inputs;
  }

  /**
   * A new office of the directory, by letter, without forms of address (a letter to it has errors
   * in the preview); its name made unique.
   */
  public Target newOffice(String code, String country, String language, String office) {
    return targets.create(
        new org.bucn.tracker.target.TargetRequest(
            code,
            country,
            office + " " + System.nanoTime(),
            null,
            null,
            org.bucn.tracker.target.Channel.LETTER,
            null,
            null,
            null,
            null,
            null,
            null,
            language),
        "coordinator");
  }

  /** A launched campaign to the heads of state of the given countries. */
  public Campaign launch(
      Set<Demand> demands,
      String followUpInterval,
      int maxFollowUps,
      String sanctionCheckInterval,
      String... countries) {
    return launch(
        draft(demands, followUpInterval, maxFollowUps, sanctionCheckInterval, null, countries));
  }

  /**
   * A draft campaign to the heads of state of the given countries, launching by itself at {@code
   * launchAt} (none: launched by hand).
   */
  public Campaign draft(
      Set<Demand> demands,
      String followUpInterval,
      int maxFollowUps,
      String sanctionCheckInterval,
      java.time.OffsetDateTime launchAt,
      String... countries) {
    List<Long> targetIds =
        Arrays.stream(countries)
            .map(
                code ->
                    targets.findAll().stream()
                        .filter(
                            t ->
                                t.countryCode().equals(code)
                                    && !t.office().equals("Prime Minister"))
                        .findFirst()
                        .orElseThrow())
            .map(Target::id)
            .toList();
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Drill " + System.nanoTime(),
                "A test campaign",
                demands,
                followUpInterval,
                maxFollowUps,
                sanctionCheckInterval,
                targetIds,
                null,
                null,
                null,
                null,
                null,
                null,
                launchAt),
            COORDINATOR);
    return campaign;
  }

  /**
   * Launches the campaign and waits until its jobs have opened every appeal. A drill is about the
   * process, not the letters: it goes ahead despite any error of the preview, saying so (the
   * launch's own checks are LaunchCheckTests').
   */
  public Campaign launch(Campaign draft) {
    List<LaunchOverride> overrides =
        LaunchOverride.forEveryError(letters.preview(draft.id()), "a test drill");
    Campaign launched = campaigns.launch(draft.id(), overrides, COORDINATOR);
    awaitOpened(launched);
    return launched;
  }

  public void awaitOpened(Campaign campaign) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> appeals.opening(campaign.id()).complete());
  }

  public long appeal(Campaign campaign, String countryCode) {
    return appeals.summariesOfCampaign(campaign.id()).stream()
        .filter(a -> a.countryCode().equals(countryCode))
        .map(AppealSummary::id)
        .findFirst()
        .orElseThrow();
  }

  public ProcessInstance process(long appealId) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(appeals.processInstanceId(appealId))
        .singleResult();
  }

  public ProcessInstance campaignProcess(Campaign campaign) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(org.bucn.tracker.campaign.CampaignProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(campaign.id()))
        .singleResult();
  }

  public Optional<TaskItem> openTask(long appealId, TaskKey key) {
    return worklist.openTasksOfAppeal(appealId).stream()
        .filter(t -> t.taskKey().equals(key.key()))
        .findFirst();
  }

  /** Waits for the task, as a person would wait for it to appear in their list (timers). */
  public TaskItem awaitTask(long appealId, TaskKey key) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> openTask(appealId, key), Optional::isPresent)
        .get();
  }

  /** Claims the task if it is nobody's yet, then completes it with the fields given. */
  public void complete(long appealId, TaskKey key, Actor actor, Map<String, ?> fields) {
    TaskItem task = awaitTask(appealId, key);
    if (task.assignee() == null && !actor.has(Role.COORDINATOR)) {
      assignments.claim(task.id(), actor);
    }
    steps.complete(task.id(), inputs.fromFields(key, fields), actor);
  }

  public void draftAndApprove(long appealId) {
    complete(
        appealId,
        TaskKey.DRAFT_APPEAL,
        ADVOCATE,
        Map.of("text", "Your Excellency, ...", "language", "sr"));
    complete(appealId, TaskKey.REVIEW_APPEAL, COORDINATOR, Map.of("decision", "APPROVE"));
  }

  public void submit(long appealId, String on) {
    complete(
        appealId,
        TaskKey.SUBMIT_APPEAL,
        ADVOCATE,
        Map.of(
            "submittedAt",
            on,
            "channel",
            "EMAIL",
            "sentElsewhere",
            "true",
            "reference",
            "REF-" + appealId));
  }

  public void respond(long appealId, String kind, String on) {
    complete(
        appealId,
        TaskKey.RECORD_RESPONSE,
        ADVOCATE,
        Map.of("receivedAt", on, "kind", kind, "summary", "Answer " + kind));
  }
}
