package org.bucn.tracker.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.bucn.tracker.CampaignDrill.COORDINATOR;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.ProcessCoverage;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignProcess;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.Demand;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One test per path through appeal.bpmn and campaign.bpmn, driven through the services people use.
 * Together they cover every flow node and sequence flow (enforced by the coverage listener).
 */
@TrackerTest
@TestExecutionListeners(
    listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AppealProcessTests {

  static final Set<Demand> ALL_DEMANDS = Set.of(Demand.values());
  static final String TODAY = LocalDate.now().toString();

  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired CampaignService campaigns;
  @Autowired org.bucn.tracker.campaign.Letters letters;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  /**
   * Appeals open and are counted in asynchronous jobs: the coverage listener must not read a run
   * while the job executor still adds to it (it failed with a ConcurrentModificationException).
   */
  @AfterEach
  void jobsOfThisPathFinished() {
    org.awaitility.Awaitility.await("asynchronous continuations done")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                engine.getManagementService().createJobQuery().messages().executable().count()
                    == 0);
  }

  static java.util.Date classStarted;

  @org.junit.jupiter.api.BeforeAll
  static void rememberTheStart() {
    classStarted = new java.util.Date();
    ProcessCoverage.forgetTakenFlows();
  }

  @AfterAll
  static void otherTestClassesRunProcessesOutsideCoverage(@Autowired ProcessEngine engine) {
    ProcessCoverage.ignoreActivityOutsideCoverageRuns(engine);
  }

  /**
   * The gate that fails the build when a path loses its test: every flow node of both models was
   * passed, and every sequence flow taken, by the processes this class ran (nodes from the engine's
   * history, flows from {@link ProcessCoverage#takenFlows()}; the coverage report's own class
   * assertion did not fail the build, and counting nodes alone left "request changes" untested
   * without a word).
   */
  @AfterAll
  static void everyFlowNodeAndSequenceFlowOfBothProcessesWasPassed(
      @Autowired ProcessEngine engine) {
    Set<String> passed = new java.util.HashSet<>();
    for (var instance :
        engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .startedAfter(classStarted)
            .list()) {
      passed.add(instance.getProcessDefinitionKey() + ":" + instance.getActivityId());
    }
    for (var definition :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (var node :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
        assertThat(passed)
            .as("a process test passes %s of %s", node.getId(), definition.getKey())
            .contains(definition.getKey() + ":" + node.getId());
      }
      Set<String> taken = ProcessCoverage.takenFlows();
      for (var flow :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)) {
        if (flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway) {
          // The engine takes no flow out of an event-based gateway: the event it leads to waits
          // there (and was passed, above).
          continue;
        }
        assertThat(taken)
            .as(
                "a process test takes the flow %s of %s (%s → %s%s)",
                flow.getId(),
                definition.getKey(),
                flow.getSource().getId(),
                flow.getTarget().getId(),
                flow.getName() == null ? "" : ", \"" + flow.getName() + "\"")
            .contains(definition.getKey() + ":" + flow.getId());
      }
    }
  }

  @Test
  void approvedAppealCondemnedWithSanctionsAlignedCloses() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "P14D", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    ProcessInstance process = drill.process(appeal);
    assertThat(process).isWaitingAt(TaskKey.DRAFT_APPEAL.elementId());
    assertStage(appeal, AppealStage.DRAFTING);

    drill.draftAndApprove(appeal);
    assertThat(process).isWaitingAt(TaskKey.SUBMIT_APPEAL.elementId());
    assertStage(appeal, AppealStage.SUBMITTING);

    drill.submit(appeal, TODAY);
    assertThat(process)
        .isWaitingAt(TaskKey.RECORD_RESPONSE.elementId(), AppealProcess.EVENT_FOLLOW_UP_DUE);
    assertStage(appeal, AppealStage.AWAITING_RESPONSE);

    drill.respond(appeal, "CONDEMNED", TODAY);
    assertThat(process).isWaitingAt(TaskKey.TRACK_SANCTION.elementId());
    assertStage(appeal, AppealStage.TRACKING_SANCTIONS);

    drill.complete(
        appeal,
        TaskKey.TRACK_SANCTION,
        ADVOCATE,
        Map.of(
            "status",
            "ALIGNED",
            "measure",
            "Aligned with the EU's restrictive measures",
            "decidedAt",
            TODAY,
            "reference",
            "CFSP decision",
            "sourceUrl",
            "https://eur-lex.europa.eu/"));
    assertThat(process)
        .hasPassed(
            AppealProcess.END_RESPONSE_RECORDED,
            AppealProcess.TASK_CLOSE_APPEAL,
            AppealProcess.END_APPEAL_CLOSED)
        .isEnded();
    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.stage()).isEqualTo(AppealStage.CLOSED);
    assertThat(detail.response().kind()).isEqualTo(ResponseKind.CONDEMNED);
    assertThat(detail.sanctionOutcome().status()).isEqualTo(SanctionStatus.ALIGNED);
    assertThat(detail.timeline())
        .extracting("action")
        .endsWith("RESPONSE_RECORDED", "SANCTION_CHECK_DUE", "SANCTION_ALIGNED", "CLOSED");
    // The campaign counts its closed appeals in a job of its own (asynchronous after each appeal).
    org.awaitility.Awaitility.await("the only appeal closed, so the campaign did")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> campaigns.get(campaign.id()).status() == CampaignStatus.CLOSED);
    assertThat(drill.campaignProcess(campaign)).isNull();
  }

  @Test
  void reviewRequestingChangesReturnsAppealToDraftingWithTheComment() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "P14D", 3, "P30D", "BG");
    long appeal = drill.appeal(campaign, "BG");
    ProcessInstance process = drill.process(appeal);
    drill.complete(
        appeal, TaskKey.DRAFT_APPEAL, ADVOCATE, Map.of("text", "First draft", "language", "bg"));
    drill.complete(
        appeal,
        TaskKey.REVIEW_APPEAL,
        COORDINATOR,
        Map.of("decision", "REQUEST_CHANGES", "comment", "Cite the UN Charter"));

    assertThat(process).isWaitingAt(TaskKey.DRAFT_APPEAL.elementId());
    assertStage(appeal, AppealStage.DRAFTING);
    assertThat(drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).assignee())
        .as("back with the advocate who drafted it")
        .isEqualTo("advocate");
    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.reviews())
        .singleElement()
        .satisfies(r -> assertThat(r.comment()).isEqualTo("Cite the UN Charter"));
    assertThat(detail.draft().text()).isEqualTo("First draft");

    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        ADVOCATE,
        Map.of("text", "Second draft citing the UN Charter", "language", "bg"));
    assertThat(process).isWaitingAt(TaskKey.REVIEW_APPEAL.elementId());
    assertThat(appeals.detail(appeal).drafts()).extracting("version").containsExactly(1, 2);
  }

  @Test
  void unansweredFollowUpsEscalateAndCoordinatorClosesWithoutResponse() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "PT1S", 2, "P30D", "RS");
    long appeal = drill.appeal(campaign, "RS");
    ProcessInstance process = drill.process(appeal);
    drill.draftAndApprove(appeal);
    drill.submit(appeal, TODAY);

    followUp(appeal, "EMAIL");
    followUp(appeal, "LETTER");
    drill.awaitTask(appeal, TaskKey.ESCALATE_NO_RESPONSE);
    assertStage(appeal, AppealStage.ESCALATED);
    assertThat(process).hasPassed(AppealProcess.EVENT_FOLLOW_UP_DUE, TaskKey.FOLLOW_UP.elementId());

    drill.complete(
        appeal,
        TaskKey.ESCALATE_NO_RESPONSE,
        COORDINATOR,
        Map.of("decision", "CLOSE_NO_RESPONSE", "note", "Silent"));
    assertThat(process)
        .hasPassed(AppealProcess.END_CLOSED_NO_RESPONSE, AppealProcess.END_APPEAL_CLOSED)
        .isEnded();
    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.stage()).isEqualTo(AppealStage.CLOSED);
    assertThat(detail.response().kind()).isEqualTo(ResponseKind.NO_RESPONSE);
    assertThat(detail.followUps())
        .extracting("channel")
        .map(String::valueOf)
        .containsExactly("EMAIL", "LETTER");
    assertThat(detail.sanctionOutcome()).as("nothing to track after no response").isNull();
    assertThat(drill.openTask(appeal, TaskKey.RECORD_RESPONSE))
        .as("the response task ended with the appeal")
        .isEmpty();
  }

  @Test
  void extendingAfterEscalationGivesAnotherRoundThenADeclineClosesWithoutSanctionTracking() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "PT1S", 1, "P30D", "ME");
    long appeal = drill.appeal(campaign, "ME");
    ProcessInstance process = drill.process(appeal);
    drill.draftAndApprove(appeal);
    drill.submit(appeal, TODAY);
    followUp(appeal, "EMAIL");
    drill.complete(
        appeal,
        TaskKey.ESCALATE_NO_RESPONSE,
        COORDINATOR,
        Map.of("decision", "EXTEND", "note", "Try the embassy"));
    assertStage(appeal, AppealStage.AWAITING_RESPONSE);

    followUp(appeal, "EMBASSY");
    drill.awaitTask(appeal, TaskKey.ESCALATE_NO_RESPONSE);
    drill.respond(appeal, "DECLINED", TODAY);

    assertThat(process)
        .hasPassed(AppealProcess.END_RESPONSE_RECORDED)
        .hasNotPassed(TaskKey.TRACK_SANCTION.elementId())
        .isEnded();
    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.followUps()).extracting("round").containsExactly(1, 2);
    assertThat(detail.escalations())
        .extracting("decision")
        .containsExactly(EscalationDecision.EXTEND);
    assertThat(detail.response().kind()).isEqualTo(ResponseKind.DECLINED);
    assertThat(drill.openTask(appeal, TaskKey.ESCALATE_NO_RESPONSE))
        .as("a response ends a pending escalation")
        .isEmpty();
  }

  @Test
  void pendingSanctionIsCheckedAgainAfterTheIntervalUntilAdopted() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "P14D", 3, "PT3S", "RO");
    long appeal = drill.appeal(campaign, "RO");
    ProcessInstance process = drill.process(appeal);
    drill.draftAndApprove(appeal);
    drill.submit(appeal, TODAY);
    drill.respond(appeal, "NON_RECOGNITION", TODAY);
    drill.complete(
        appeal,
        TaskKey.TRACK_SANCTION,
        ADVOCATE,
        Map.of("status", "PENDING", "measure", "Under discussion in government"));
    assertThat(drill.openTask(appeal, TaskKey.TRACK_SANCTION))
        .as("no task while the check interval runs")
        .isEmpty();

    drill.complete(
        appeal,
        TaskKey.TRACK_SANCTION,
        ADVOCATE,
        Map.of("status", "ADOPTED", "measure", "Asset freezes", "decidedAt", TODAY));
    assertThat(process).hasPassed(AppealProcess.EVENT_SANCTION_RECHECK_DUE).isEnded();
    assertThat(appeals.detail(appeal).sanctionChecks())
        .extracting("status")
        .containsExactly(SanctionStatus.PENDING, SanctionStatus.ADOPTED);
  }

  @Test
  void withoutASanctionDemandAnAcknowledgementClosesTheAppeal() {
    Campaign campaign =
        drill.launch(Set.of(Demand.CONDEMNATION, Demand.NON_RECOGNITION), "P14D", 3, "P30D", "GR");
    long appeal = drill.appeal(campaign, "GR");
    ProcessInstance process = drill.process(appeal);
    drill.draftAndApprove(appeal);
    drill.submit(appeal, TODAY);
    drill.respond(appeal, "ACKNOWLEDGED", TODAY);
    assertThat(process)
        .hasPassed(AppealProcess.GATEWAY_TRACK_SANCTIONS, AppealProcess.TASK_CLOSE_APPEAL)
        .hasNotPassed(TaskKey.TRACK_SANCTION.elementId())
        .isEnded();
  }

  /**
   * One office withdrawn from a running campaign: its appeal ends through the "Appeal withdrawn"
   * event subprocess, its tasks end, the campaign counts it; when the last office goes too, the
   * campaign closes by itself, not early.
   */
  @Test
  void anOfficeWithdrawnAloneEndsItsAppealAndTheCampaignCountsIt(
      @Autowired org.bucn.tracker.appeal.step.CampaignOffices offices,
      @Autowired org.bucn.tracker.target.TargetService targets) {
    Campaign campaign = drill.launch(ALL_DEMANDS, "P14D", 3, "P30D", "AL", "SI");
    long albania = drill.appeal(campaign, "AL");
    long slovenia = drill.appeal(campaign, "SI");
    drill.draftAndApprove(albania);
    ProcessInstance albaniaProcess = drill.process(albania);

    offices.withdraw(
        campaign.id(),
        appeals.detail(albania).target().id(),
        "The office was abolished",
        COORDINATOR);

    assertThat(albaniaProcess)
        .hasPassed(AppealProcess.END_APPEAL_WITHDRAWN)
        .hasNotPassed(AppealProcess.TASK_CLOSE_APPEAL)
        .isEnded();
    assertStage(albania, AppealStage.WITHDRAWN);
    assertThat(drill.openTask(albania, TaskKey.SUBMIT_APPEAL)).isEmpty();
    assertThat(appeals.detail(albania).draft().text())
        .as("recorded work survives")
        .isEqualTo("Your Excellency, ...");
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.ACTIVE);

    offices.withdraw(
        campaign.id(), appeals.detail(slovenia).target().id(), "No one holds it now", COORDINATOR);
    org.awaitility.Awaitility.await("every appeal ended, so the campaign did")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> campaigns.get(campaign.id()).status() == CampaignStatus.CLOSED);
    assertThat(campaigns.get(campaign.id()).closedEarly()).isFalse();
  }

  @Test
  void closingACampaignEarlyWithdrawsOpenAppealsAndKeepsWhatWasRecorded() {
    Campaign campaign = drill.launch(ALL_DEMANDS, "P14D", 3, "P30D", "AL", "SI");
    long albania = drill.appeal(campaign, "AL");
    long slovenia = drill.appeal(campaign, "SI");
    drill.draftAndApprove(albania);
    ProcessInstance campaignProcess = drill.campaignProcess(campaign);

    campaigns.close(campaign.id(), COORDINATOR);

    // The appeals' processes end in jobs of the campaign's own, a batch each.
    awaitEnded(campaignProcess);
    assertThat(campaignProcess)
        .hasPassed(
            CampaignProcess.EVENT_CLOSED_EARLY,
            CampaignProcess.TASK_WITHDRAW,
            CampaignProcess.END_WITHDRAWN)
        .hasNotPassed(CampaignProcess.TASK_CLOSE)
        .isEnded();
    assertThat(campaigns.get(campaign.id()))
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(CampaignStatus.CLOSED);
              assertThat(c.closedEarly()).isTrue();
            });
    for (long appeal : List.of(albania, slovenia)) {
      assertStage(appeal, AppealStage.WITHDRAWN);
      assertThat(drill.process(appeal)).isNull();
      assertThat(appeals.detail(appeal).timeline())
          .extracting("action")
          .last()
          .isEqualTo("WITHDRAWN");
    }
    assertThat(appeals.detail(albania).draft().text())
        .as("recorded work survives")
        .isEqualTo("Your Excellency, ...");
    assertThat(drill.openTask(albania, TaskKey.SUBMIT_APPEAL)).isEmpty();
  }

  @Test
  void aCampaignClosedBeforeItsAppealsOpenedOpensNone(
      @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
    Campaign campaign = drill.draft(ALL_DEMANDS, "P14D", 3, "P30D", null, "AL", "SI");
    // Closed in the launch's own transaction: the job that opens the appeals comes after both.
    new org.springframework.transaction.support.TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              campaigns.launch(
                  campaign.id(),
                  org.bucn.tracker.campaign.LaunchOverride.forEveryError(
                      letters.preview(campaign.id()), "a test drill"),
                  COORDINATOR);
              campaigns.close(campaign.id(), COORDINATOR);
            });
    ProcessInstance campaignProcess = drill.campaignProcess(campaign);
    awaitEnded(campaignProcess);
    assertThat(campaignProcess)
        .hasPassed(CampaignProcess.TASK_OPEN, CampaignProcess.END_WITHDRAWN)
        .hasNotPassed(CampaignProcess.EVENT_CLOSED_EARLY, CampaignProcess.TASK_CLOSE);
    for (String country : List.of("AL", "SI")) {
      long appeal = drill.appeal(campaign, country);
      assertStage(appeal, AppealStage.WITHDRAWN);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(AppealProcess.KEY)
                  .processInstanceBusinessKey(String.valueOf(appeal))
                  .count())
          .as("never opened")
          .isZero();
    }
  }

  private void awaitEnded(ProcessInstance process) {
    org.awaitility.Awaitility.await("the campaign's process ends")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(process.getId())
                        .count()
                    == 0);
  }

  @Test
  void aDraftGivenALaunchTimeLaunchesItselfThenAndItsAppealsOpen() {
    Campaign draft =
        drill.draft(
            ALL_DEMANDS, "P14D", 3, "P30D", java.time.OffsetDateTime.now().plusSeconds(1), "MK");
    org.awaitility.Awaitility.await("the launch time comes")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> campaigns.get(draft.id()).status() == CampaignStatus.ACTIVE);
    drill.awaitOpened(draft);
    assertThat(drill.campaignProcess(draft)).isActive();
    assertThat(drill.openTask(drill.appeal(draft, "MK"), TaskKey.DRAFT_APPEAL)).isPresent();
    assertThat(campaigns.get(draft.id()).launchedBy()).isEqualTo(COORDINATOR.username());
  }

  private void followUp(long appeal, String channel) {
    drill.complete(
        appeal,
        TaskKey.FOLLOW_UP,
        ADVOCATE,
        Map.of("doneAt", TODAY, "channel", channel, "note", "Reminder"));
  }

  private void assertStage(long appeal, AppealStage stage) {
    assertThat(appeals.detail(appeal).stage()).isEqualTo(stage);
  }
}
