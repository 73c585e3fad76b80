package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.SanctionStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns far larger than the demo: a thousand targets launched in one click, and two hundred
 * appeals of one campaign closing at the same moment. Runs on a database of its own so that its
 * thousands of appeals do not crowd the shared test context.
 */
class CampaignScaleTests {

  static EmbeddedPostgres server;
  static ConfigurableApplicationContext app;
  static List<Long> targetIds;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .start();
    app =
        StandaloneStarts.onServer(
            server, dir.resolve("unused"), "scale-admin-pw", "tracker.demo=false");
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    jdbc.sql(
            """
        INSERT INTO target (country_code, country, office, channel, language)
        SELECT 'RS', 'Serbia', 'Scale office ' || n, 'EMAIL', 'sr' FROM generate_series(1, 1000) n
        """)
        .update();
    targetIds = jdbc.sql("SELECT id FROM target ORDER BY id").query(Long.class).list();
    jdbc.sql(
            "INSERT INTO app_user (username, password_hash, display_name) VALUES ('coordinator', 'x', 'Scale coordinator')")
        .update();
    jdbc.sql("INSERT INTO app_user_role (username, role) VALUES ('coordinator', 'COORDINATOR')")
        .update();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    server.close();
  }

  @Test
  void aThousandTargetsLaunchInOneStepAndTheirAppealsOpenAfterIt() {
    CampaignService campaigns = app.getBean(CampaignService.class);
    AppealService appeals = app.getBean(AppealService.class);
    Campaign draft =
        campaigns.create(
            request("Thousand", Set.of(Demand.CONDEMNATION), targetIds), CampaignDrill.COORDINATOR);

    long started = System.nanoTime();
    Campaign launched = campaigns.launch(draft.id(), CampaignDrill.COORDINATOR);
    Duration launch = Duration.ofNanos(System.nanoTime() - started);

    assertThat(launched.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(appeals.opening(draft.id()).appeals()).isEqualTo(1000);
    assertThat(campaigns.launch(draft.id(), CampaignDrill.COORDINATOR).status())
        .as("launching again changes nothing")
        .isEqualTo(CampaignStatus.ACTIVE);
    long openingStarted = System.nanoTime();
    await("every appeal opened by the job executor")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> appeals.opening(draft.id()).complete());
    Duration opening = Duration.ofNanos(System.nanoTime() - openingStarted);
    System.out.printf(
        "1000-target launch: launch call %d ms, appeals opened %d ms later%n",
        launch.toMillis(), opening.toMillis());

    assertThat(appeals.summariesOfCampaign(draft.id()))
        .hasSize(1000)
        .allSatisfy(a -> assertThat(a.stage()).isEqualTo(AppealStage.DRAFTING));
    assertThat(
            app.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM work_item WHERE campaign_id = ?")
                .param(draft.id())
                .query(Long.class)
                .single())
        .as("one draft task per appeal, none twice")
        .isEqualTo(1000);
  }

  @Test
  void twoHundredAppealsClosingAtOnceCloseTheCampaignOnceAndNobodyGetsAConflict() throws Exception {
    CampaignService campaigns = app.getBean(CampaignService.class);
    AppealService appeals = app.getBean(AppealService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    Worklist worklist = app.getBean(Worklist.class);
    Steps steps = app.getBean(Steps.class);
    Campaign campaign =
        campaigns.create(
            request("Two hundred", Set.of(Demand.SANCTIONS), targetIds.subList(0, 200)),
            CampaignDrill.COORDINATOR);
    campaigns.launch(campaign.id(), CampaignDrill.COORDINATOR);
    await().atMost(Duration.ofMinutes(3)).until(() -> appeals.opening(campaign.id()).complete());

    // Move every appeal straight to its last step, the sanction outcome.
    List<String> lastSteps = new ArrayList<>();
    for (AppealSummary appeal : appeals.summariesOfCampaign(campaign.id())) {
      runtime
          .createProcessInstanceModification(appeals.processInstanceId(appeal.id()))
          .cancelAllForActivity(TaskKey.DRAFT_APPEAL.elementId())
          .startBeforeActivity(TaskKey.TRACK_SANCTION.elementId())
          .execute();
      lastSteps.add(
          worklist.openTasksOfAppeal(appeal.id()).stream()
              .filter(t -> t.taskKey().equals(TaskKey.TRACK_SANCTION.key()))
              .map(TaskItem::id)
              .findFirst()
              .orElseThrow());
    }

    ExecutorService people = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
    var outcome =
        new AppealInput.Sanction(
            SanctionStatus.ADOPTED, "Asset freeze", LocalDate.now(), null, null, null);
    for (String task : lastSteps) {
      people.submit(
          () -> {
            try {
              go.await();
              steps.complete(task, outcome, CampaignDrill.COORDINATOR);
            } catch (Throwable e) {
              refused.add(e);
            }
            return null;
          });
    }
    go.countDown();
    people.shutdown();
    assertThat(people.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

    assertThat(refused).as("completions refused").isEmpty();
    await("the campaign closes by itself")
        .atMost(Duration.ofMinutes(2))
        .until(() -> campaigns.get(campaign.id()).status() == CampaignStatus.CLOSED);
    assertThat(campaigns.get(campaign.id()).closedEarly()).isFalse();
    String processInstanceId =
        app.getBean(JdbcClient.class)
            .sql("SELECT process_instance_id FROM campaign WHERE id = ?")
            .param(campaign.id())
            .query(String.class)
            .single();
    assertThat(
            app.getBean(HistoryService.class)
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityId(CampaignProcess.TASK_CLOSE)
                .count())
        .as("closed exactly once")
        .isEqualTo(1);
    assertThat(appeals.summariesOfCampaign(campaign.id()))
        .allSatisfy(a -> assertThat(a.stage()).isEqualTo(AppealStage.CLOSED));
  }

  /**
   * Closed early while its 300 appeals were opening, and again while people worked on them: the
   * coordinator's close is never refused (the fault-injection run heard 409 twice).
   */
  @Test
  void aBusyCampaignOfThreeHundredAppealsClosesEarlyWithoutAConflict() throws Exception {
    CampaignService campaigns = app.getBean(CampaignService.class);
    AppealService appeals = app.getBean(AppealService.class);
    Campaign opening =
        campaigns.create(
            request("Closed while opening", Set.of(Demand.SANCTIONS), targetIds.subList(200, 500)),
            CampaignDrill.COORDINATOR);
    campaigns.launch(opening.id(), CampaignDrill.COORDINATOR);
    assertThat(campaigns.close(opening.id(), CampaignDrill.COORDINATOR).status())
        .isEqualTo(CampaignStatus.CLOSED);

    Campaign busy =
        campaigns.create(
            request("Closed while worked", Set.of(Demand.SANCTIONS), targetIds.subList(500, 800)),
            CampaignDrill.COORDINATOR);
    campaigns.launch(busy.id(), CampaignDrill.COORDINATOR);
    await().atMost(Duration.ofMinutes(3)).until(() -> appeals.opening(busy.id()).complete());
    Worklist worklist = app.getBean(Worklist.class);
    Steps steps = app.getBean(Steps.class);
    TaskInputs inputs = app.getBean(TaskInputs.class);
    Actor advocate = new Actor("coordinator", Set.of(Role.COORDINATOR, Role.ADVOCATE));
    ExecutorService people = Executors.newFixedThreadPool(8);
    AtomicBoolean closed = new AtomicBoolean();
    ConcurrentLinkedQueue<RuntimeException> refusals = new ConcurrentLinkedQueue<>();
    for (AppealSummary appeal : appeals.summariesOfCampaign(busy.id())) {
      people.submit(
          () -> {
            if (closed.get()) {
              return null;
            }
            worklist.openTasksOfAppeal(appeal.id()).stream()
                .filter(t -> t.taskKey().equals(TaskKey.DRAFT_APPEAL.key()))
                .findFirst()
                .ifPresent(
                    task -> {
                      try {
                        steps.complete(
                            task.id(),
                            inputs.fromFields(
                                TaskKey.DRAFT_APPEAL,
                                Map.of("text", "Your Excellency, ...", "language", "sr")),
                            advocate);
                      } catch (RuntimeException e) {
                        refusals.add(e);
                      }
                    });
            return null;
          });
    }
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                appeals.summariesOfCampaign(busy.id()).stream()
                        .filter(a -> a.stage() == AppealStage.IN_REVIEW)
                        .count()
                    > 10);
    try {
      assertThat(campaigns.close(busy.id(), CampaignDrill.COORDINATOR).status())
          .isEqualTo(CampaignStatus.CLOSED);
    } finally {
      closed.set(true);
      people.shutdown();
      assertThat(people.awaitTermination(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    }
    assertThat(appeals.summariesOfCampaign(busy.id()))
        .allSatisfy(a -> assertThat(a.stage()).isEqualTo(AppealStage.WITHDRAWN));
    // A step that came after the close is refused as a step on a withdrawn appeal is (409 or
    // 404), never by a deadlock or an engine error.
    assertThat(refusals)
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfAny(
                        org.bucn.tracker.shared.ConflictException.class,
                        org.bucn.tracker.shared.NotFoundException.class));
  }

  private static CampaignRequest request(String title, Set<Demand> demands, List<Long> targets) {
    return new CampaignRequest(
        title + " " + System.nanoTime(), "Scale test", demands, "P14D", 3, "P30D", targets);
  }
}
