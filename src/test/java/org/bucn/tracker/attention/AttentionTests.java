package org.bucn.tracker.attention;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bucn.tracker.TrackerTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The start page and {@code /api/me/attention}: what needs each role now, from the seeded demo
 * campaign.
 */
@TrackerTest
class AttentionTests {

  @Autowired MockMvc mvc;

  @Test
  void aCoordinatorSeesTheSilentTargetTheOverdueWorkAndEveryActiveCampaign() throws Exception {
    mvc.perform(get("/api/me/attention").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("COORDINATOR"))
        .andExpect(jsonPath("$.escalations[*].country").value(Matchers.hasItem("Kosovo")))
        .andExpect(
            jsonPath("$.escalations[?(@.country == 'Kosovo')].overdue")
                .value(Matchers.hasItem(true)))
        .andExpect(jsonPath("$.reviews[*].country").value(Matchers.hasItem("Bulgaria")))
        .andExpect(
            jsonPath("$.overdueByAssignee[*].count")
                .value(Matchers.hasItem(Matchers.greaterThan(0))))
        .andExpect(
            jsonPath("$.campaigns[*].title")
                .value(Matchers.hasItem(Matchers.startsWith("No recognition of the Kremlin"))))
        .andExpect(jsonPath("$.myTasks").isEmpty());
    mvc.perform(get("/").with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Silent targets to decide")))
        .andExpect(
            content()
                .string(Matchers.containsString("Decide on a silent target: President, Kosovo")));

    // "Overdue, with Ana Advocate" opens the list of what Ana holds that is overdue, and only that.
    String anas =
        com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(
                mvc.perform(get("/api/me/attention").with(httpBasic("coordinator", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.overdueByAssignee[?(@.assignee == 'advocate')].url")
            .get(0);
    org.assertj.core.api.Assertions.assertThat(anas)
        .isEqualTo("/tasks?tab=all&overdue=true&assignee=advocate");
    mvc.perform(
            get("/api/tasks?scope=all&overdue=true&assignee=advocate")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.total").value(Matchers.greaterThan(0)))
        .andExpect(
            jsonPath("$.items[*].assignee").value(Matchers.everyItem(Matchers.is("advocate"))));
    mvc.perform(get(anas).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"advocate\" selected=\"selected\">Ana Advocate</option>")));
  }

  @Test
  void theDemoCampaignLooksLikeOneInProgressAndItsSeedingMailedNobody(
      @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    long mails =
        jdbc.sql(
                "SELECT count(*) FROM mail_outbox WHERE subject LIKE '%No recognition of the Kremlin%'")
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(mails)
        .as("mails about tasks the seeding created and finished")
        .isZero();
    long recent =
        jdbc.sql(
                """
        SELECT count(*) FROM open_task t JOIN campaign_directory c ON c.id = t.campaign_id
         WHERE c.title LIKE 'No recognition of the Kremlin%' AND t.created_at > now() - interval '1 day'
        """)
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(recent)
        .as("open demo tasks that look a minute old")
        .isZero();
    long overdue =
        jdbc.sql(
                """
        SELECT count(*) FROM open_task t JOIN campaign_directory c ON c.id = t.campaign_id
         WHERE c.title LIKE 'No recognition of the Kremlin%' AND t.due_at < now()
        """)
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(overdue)
        .as("two or three overdue items")
        .isBetween(2L, 3L);
    Long launchedDaysAgo =
        jdbc.sql(
                """
        SELECT extract(day FROM now() - launched_at)::bigint FROM campaign WHERE title LIKE 'No recognition of the Kremlin%'
        """)
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(launchedDaysAgo)
        .as("launched weeks ago")
        .isGreaterThan(28L);
    var timelines =
        jdbc.sql(
                """
        SELECT count(*) FILTER (WHERE l.at > now() - interval '1 day') AS today,
               count(*) FILTER (WHERE l.at < c.launched_at) AS before_launch,
               count(*) FILTER (WHERE l.at < lag_at) AS out_of_order
          FROM (SELECT t.*, lag(t.at) OVER (PARTITION BY t.appeal_id ORDER BY t.id) AS lag_at FROM appeal_timeline t) l
          JOIN campaign c ON c.id = l.campaign_id
         WHERE c.title LIKE 'No recognition of the Kremlin%'
        """)
            .query()
            .singleRow();
    org.assertj.core.api.Assertions.assertThat(timelines)
        .as("timelines dated as the story happened, in order, after the launch")
        .containsEntry("today", 0L)
        .containsEntry("before_launch", 0L)
        .containsEntry("out_of_order", 0L);
    long answeredToday =
        jdbc.sql(
                """
        SELECT count(*) FROM appeal a JOIN campaign c ON c.id = a.campaign_id
         WHERE c.title LIKE 'No recognition of the Kremlin%' AND a.responded_on >= current_date
        """)
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(answeredToday)
        .as("answers, silence included, dated as the story has them")
        .isZero();
  }

  @Test
  void anAdvocateSeesTheirOwnTasksThenWhatTheyMayTakeAndAManagerThePortfolio() throws Exception {
    mvc.perform(get("/api/me/attention").with(httpBasic("advocate2", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("ADVOCATE"))
        .andExpect(
            jsonPath("$.myTasks[*].country").value(Matchers.hasItem("Bosnia and Herzegovina")))
        .andExpect(jsonPath("$.escalations").isEmpty())
        .andExpect(jsonPath("$.portfolio").value(Matchers.nullValue()));
    mvc.perform(get("/api/me/attention").with(httpBasic("manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("MANAGER"))
        .andExpect(jsonPath("$.portfolio.appeals").value(Matchers.greaterThan(0)))
        .andExpect(
            jsonPath("$.slipping[*].title")
                .value(Matchers.hasItem(Matchers.startsWith("No recognition of the Kremlin"))))
        .andExpect(jsonPath("$.reviews").isEmpty());
  }
}
