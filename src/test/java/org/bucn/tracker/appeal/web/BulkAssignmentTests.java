package org.bucn.tracker.appeal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A bulk assignment made by mistake is taken back with "Undo" for ten minutes; a task its new
 * holder moved on is left alone.
 */
@TrackerTest
class BulkAssignmentTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired TaskAssignments assignments;
  @Autowired TrackerClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void undoGivesEachTaskBackToWhoeverHeldItUnlessItMovedOn() throws Exception {
    Campaign campaign =
        drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL", "BG", "HR");
    String albania = drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).id();
    String bulgaria = drill.awaitTask(drill.appeal(campaign, "BG"), TaskKey.DRAFT_APPEAL).id();
    String croatia = drill.awaitTask(drill.appeal(campaign, "HR"), TaskKey.DRAFT_APPEAL).id();
    assignments.claim(albania, CampaignDrill.ADVOCATE);

    MockHttpServletRequestBuilder assign =
        coordinator(post("/tasks/assign"))
            .param("assignee", "advocate2")
            .param("taskIds", albania, bulgaria, croatia);
    TaskAssignmentPageController.Undo undo =
        (TaskAssignmentPageController.Undo)
            mvc.perform(assign)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Assigned 3 of 3 tasks to advocate2"))
                .andReturn()
                .getFlashMap()
                .get("undo");
    assertThat(undo.tasks())
        .containsExactlyInAnyOrder(albania + "|advocate", bulgaria + "|", croatia + "|");
    // Croatia's new holder hands it on before the undo: it stays where it went.
    assignments.assign(croatia, "coordinator", CampaignDrill.COORDINATOR);

    clock.move(Duration.ofMinutes(9));
    mvc.perform(undo(undo))
        .andExpect(
            flash()
                .attribute("flash", "Undone: 2 of 3 tasks are back with whoever held them before"))
        .andExpect(flash().attribute("flashError", Matchers.containsString("no longer held by")));
    assertThat(drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).assignee())
        .isEqualTo("advocate");
    assertThat(drill.awaitTask(drill.appeal(campaign, "BG"), TaskKey.DRAFT_APPEAL).assignee())
        .isNull();
    assertThat(drill.awaitTask(drill.appeal(campaign, "HR"), TaskKey.DRAFT_APPEAL).assignee())
        .isEqualTo("coordinator");
  }

  @Test
  void anUndoAfterTenMinutesChangesNothing() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    String albania = drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).id();
    TaskAssignmentPageController.Undo undo =
        (TaskAssignmentPageController.Undo)
            mvc.perform(
                    coordinator(post("/tasks/assign"))
                        .param("assignee", "advocate2")
                        .param("taskIds", albania))
                .andReturn()
                .getFlashMap()
                .get("undo");
    clock.move(Duration.ofMinutes(11));
    mvc.perform(undo(undo))
        .andExpect(flash().attribute("flashError", Matchers.startsWith("Nothing undone")));
    assertThat(drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL).assignee())
        .isEqualTo("advocate2");
  }

  private MockHttpServletRequestBuilder undo(TaskAssignmentPageController.Undo undo) {
    return coordinator(post("/tasks/assign/undo"))
        .param("assignee", undo.assignee())
        .param("at", Long.toString(undo.at()))
        .param("task", undo.tasks().toArray(String[]::new));
  }

  private static MockHttpServletRequestBuilder coordinator(MockHttpServletRequestBuilder request) {
    return request.with(user("coordinator").roles("COORDINATOR")).with(csrf());
  }
}
