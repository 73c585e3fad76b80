package org.bucn.tracker.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.user.ApiTokens;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What Prometheus reads at {@code /actuator/prometheus}: the tracker's figures, equal to a recount.
 */
@TrackerTest
class MetricsTests {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-z_]+)(\\{[^}]*})? ([0-9.Ee+-]+)$", Pattern.MULTILINE);

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired JdbcClient jdbc;
  @Autowired TrackerMetrics metrics;
  @Autowired ManagementService management;
  @Autowired ApiTokens tokens;

  @Test
  void theScrapeCarriesEveryBusinessFigureAsARecountHasIt() throws Exception {
    double draftsCompletedBefore =
        scrape().getOrDefault("tracker_task_completions_total{task_key=\"draftAppeal\"}", 0.0);
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL", "BG");
    long appeal = drill.appeal(campaign, "AL");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Your Excellency, …", "language", "en"));
    drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL);
    jdbc.sql("UPDATE work_item SET due_at = now() - interval '1 day' WHERE appeal_id = ?")
        .param(drill.appeal(campaign, "BG"))
        .update();

    // Timers of other campaigns may fire meanwhile: compare with a recount that held still around
    // the scrape.
    for (int attempt = 1; ; attempt++) {
      Map<String, Double> before = recount();
      metrics.forget();
      Map<String, Double> scraped = scrape();
      if (!before.equals(recount()) && attempt < 5) {
        continue;
      }
      before.forEach(
          (series, value) -> assertThat(scraped).as(series).containsEntry(series, value));
      assertThat(scraped.get("tracker_task_completions_total{task_key=\"draftAppeal\"}"))
          .as("completed drafts")
          .isEqualTo(draftsCompletedBefore + 1);
      assertThat(scraped.get("camunda_jobs_executed_total"))
          .as("the launch ran engine jobs")
          .isPositive();
      assertThat(scraped).containsKeys("camunda_jobs_acquired_total", "camunda_jobs_failed_total");
      for (String family :
          new String[] {
            "http_server_requests_seconds_count{",
            "jvm_memory_used_bytes{",
            "hikaricp_connections_active{"
          }) {
        assertThat(scraped.keySet()).as(family).anyMatch(series -> series.startsWith(family));
      }
      break;
    }
  }

  @Test
  void onlyAnAdminScrapesWithPasswordOrToken() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("manager", "demo")))
        .andExpect(status().isForbidden());
    String token = tokens.create("admin", "prometheus", null).token();
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  private Map<String, Double> recount() {
    Map<String, Double> expected = new HashMap<>();
    for (TaskKey key : TaskKey.values()) {
      expected.put("tracker_open_tasks{task_key=\"" + key.key() + "\"}", 0.0);
    }
    jdbc.sql("SELECT task_key, count(*) FROM open_task GROUP BY task_key")
        .query(
            (rs, n) ->
                expected.put(
                    "tracker_open_tasks{task_key=\"" + rs.getString(1) + "\"}", rs.getDouble(2)))
        .list();
    expected.put(
        "tracker_overdue_tasks",
        jdbc.sql("SELECT count(*) FROM open_task WHERE due_at < now()")
            .query(Double.class)
            .single());
    jdbc.sql("SELECT stage, count(*) FROM appeal GROUP BY stage")
        .query(
            (rs, n) ->
                expected.put("tracker_appeals{stage=\"" + rs.getString(1) + "\"}", rs.getDouble(2)))
        .list();
    expected.put(
        "tracker_mail_outbox{state=\"SENT\"}",
        jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
            .query(Double.class)
            .single());
    expected.put(
        "tracker_mail_outbox{state=\"FAILED\"}",
        jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NOT NULL")
            .query(Double.class)
            .single());
    expected.put(
        "tracker_failed_jobs", (double) management.createJobQuery().noRetriesLeft().count());
    return expected;
  }

  private Map<String, Double> scrape() throws Exception {
    String text =
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Double> samples = new HashMap<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      samples.put(
          m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return samples;
  }
}
