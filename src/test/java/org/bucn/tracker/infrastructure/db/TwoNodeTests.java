package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.StandaloneStarts;
import org.bucn.tracker.TestMailPorts;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.Demand;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application nodes on one PostgreSQL, as an operator runs them for availability. */
class TwoNodeTests {

  @Test
  void aDeadNodesTimerIsTakenOverWithinAMinuteAndEveryMailGoesOutOnce(@TempDir Path dir)
      throws Exception {
    GreenMail smtp = new GreenMail(TestMailPorts.SMTP);
    smtp.start();
    String[] mail = {
      "tracker.demo=false",
      "spring.mail.host=localhost",
      "spring.mail.port=" + TestMailPorts.SMTP_PORT,
      "tracker.mail.poll=PT0.2S"
    };
    try (EmbeddedPostgres server =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true)
                .start();
        ConfigurableApplicationContext a =
            StandaloneStarts.onServer(server, dir.resolve("a"), "two-node-pw", mail);
        ConfigurableApplicationContext b =
            StandaloneStarts.onServer(server, dir.resolve("b"), "two-node-pw", mail)) {
      JdbcClient jdbc = a.getBean(JdbcClient.class);
      // An external database is backed up with its own tools: the backup endpoint says so.
      java.net.http.HttpResponse<String> backup =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://localhost:"
                                  + a.getEnvironment().getProperty("local.server.port")
                                  + "/api/admin/backup"))
                      .header(
                          "Authorization",
                          "Basic "
                              + java.util.Base64.getEncoder()
                                  .encodeToString("admin:two-node-pw".getBytes()))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(backup.statusCode()).isEqualTo(409);
      assertThat(backup.body()).contains("pg_dump");
      jdbc.sql(
              "INSERT INTO target (country_code, country, office, channel, language) VALUES ('ME', 'Montenegro', 'President', 'EMAIL', 'cnr')")
          .update();
      jdbc.sql(
              "INSERT INTO app_user (username, password_hash, display_name) VALUES ('coordinator', 'x', 'Two-node coordinator')")
          .update();
      jdbc.sql("INSERT INTO app_user_role (username, role) VALUES ('coordinator', 'COORDINATOR')")
          .update();
      long target = jdbc.sql("SELECT id FROM target").query(Long.class).single();

      // Node A takes an appeal to the point where a follow-up timer waits.
      CampaignService campaigns = a.getBean(CampaignService.class);
      AppealService appeals = a.getBean(AppealService.class);
      Worklist worklist = a.getBean(Worklist.class);
      Steps steps = a.getBean(Steps.class);
      TaskInputs inputs = a.getBean(TaskInputs.class);
      Campaign campaign =
          campaigns.create(
              new CampaignRequest(
                  "Two nodes",
                  "Test",
                  Set.of(Demand.CONDEMNATION),
                  "PT3S",
                  3,
                  "P30D",
                  List.of(target)),
              CampaignDrill.COORDINATOR);
      campaigns.launch(campaign.id(), CampaignDrill.COORDINATOR);
      await().atMost(Duration.ofSeconds(30)).until(() -> appeals.opening(campaign.id()).complete());
      long appeal = appeals.summariesOfCampaign(campaign.id()).get(0).id();
      String today = LocalDate.now().toString();
      complete(
          worklist,
          steps,
          inputs,
          appeal,
          TaskKey.DRAFT_APPEAL,
          Map.of("text", "Your Excellency", "language", "en"));
      complete(
          worklist, steps, inputs, appeal, TaskKey.REVIEW_APPEAL, Map.of("decision", "APPROVE"));
      complete(
          worklist,
          steps,
          inputs,
          appeal,
          TaskKey.SUBMIT_APPEAL,
          Map.of("submittedAt", today, "channel", "LETTER"));

      // What a node killed right after acquiring the timer leaves behind: the job locked in its
      // name.
      ProcessEngineConfigurationImpl engine =
          (ProcessEngineConfigurationImpl) b.getBean(ProcessEngineConfiguration.class);
      long lockMillis = engine.getJobExecutor().getLockTimeInMillis();
      int locked =
          jdbc.sql(
                  """
          UPDATE act_ru_job SET lock_owner_ = 'a-node-killed-with-kill-9', lock_exp_time_ = now() + make_interval(secs => ?)
           WHERE process_instance_id_ = ? AND type_ = 'timer'
          """)
              .params(lockMillis / 1000.0, appeals.processInstanceId(appeal))
              .update();
      assertThat(locked).isEqualTo(1);

      await("the follow-up appears on a surviving node within a minute")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  b.getBean(Worklist.class).openTasksOfAppeal(appeal).stream()
                      .anyMatch(t -> t.taskKey().equals(TaskKey.FOLLOW_UP.key())));

      // A launch time: both nodes' job executors look for the timer; the campaign launches once.
      Campaign scheduled =
          campaigns.create(
              new CampaignRequest(
                  "Launches itself on two nodes",
                  "Test",
                  Set.of(Demand.CONDEMNATION),
                  "P14D",
                  3,
                  "P30D",
                  List.of(target),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  java.time.OffsetDateTime.now().plusSeconds(3)),
              CampaignDrill.COORDINATOR);
      CampaignService onB = b.getBean(CampaignService.class);
      await("the campaign launches itself at its time")
          .atMost(Duration.ofSeconds(30))
          .until(() -> onB.get(scheduled.id()).status() == CampaignStatus.ACTIVE);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> appeals.opening(scheduled.id()).complete());
      assertThat(appeals.summariesOfCampaign(scheduled.id())).hasSize(1);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'campaign' AND business_key_ = ?")
                  .param(String.valueOf(scheduled.id()))
                  .query(Long.class)
                  .single())
          .as("one campaign process: launched once")
          .isEqualTo(1);

      // Both nodes send from one outbox: every mail once.
      String marker = "two-node-" + System.nanoTime();
      for (int i = 0; i < 40; i++) {
        jdbc.sql(
                "INSERT INTO mail_outbox (recipient, subject, body) VALUES ('nodes@example.org', ?, ?)")
            .params("Mail " + i + " " + marker, marker)
            .update();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> subjects(smtp, marker).size() >= 40);
      await("no duplicate")
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(2))
          .until(() -> subjects(smtp, marker).size() == 40);
      assertThat(subjects(smtp, marker)).doesNotHaveDuplicates();
    } finally {
      smtp.stop();
    }
  }

  private static void complete(
      Worklist worklist,
      Steps steps,
      TaskInputs inputs,
      long appeal,
      TaskKey key,
      Map<String, ?> fields) {
    TaskItem task =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    worklist.openTasksOfAppeal(appeal).stream()
                        .filter(t -> t.taskKey().equals(key.key()))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    steps.complete(task.id(), inputs.fromFields(key, fields), CampaignDrill.COORDINATOR);
  }

  private static List<String> subjects(GreenMail smtp, String marker) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getSubject().contains(marker)) {
        subjects.add(m.getSubject());
      }
    }
    return subjects;
  }
}
