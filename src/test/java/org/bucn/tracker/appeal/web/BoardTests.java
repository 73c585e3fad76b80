package org.bucn.tracker.appeal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign board: one line per office with where its appeal stands, sorted and filtered in the
 * database, and its tasks given out and their due dates moved through the same rules as anywhere.
 */
@TrackerTest
class BoardTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;

  @Test
  void everyOfficeOfTheCampaignIsOneLineWithItsStageTaskAndLetter() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "HR", "AL");
    long serbia = drill.appeal(campaign, "RS");
    drill.complete(
        serbia,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        java.util.Map.of("text", "Poštovani gospodine predsedniče, …", "language", "sr-Latn"));
    drill.awaitTask(serbia, TaskKey.REVIEW_APPEAL);

    Document page = board(campaign, "");
    List<Element> rows = page.select("table.board tbody tr");
    assertThat(rows).hasSize(3);
    assertThat(page.select(".count").text()).isEqualTo("3 offices of 3");
    Element serbian = row(page, "Serbia");
    assertThat(serbian.text())
        .contains("in review")
        .contains("Review the appeal")
        .contains("sr-Latn");
    assertThat(serbian.attr("data-href")).isEqualTo("/appeals/" + serbia);
    assertThat(row(page, "Croatia").text()).contains("Draft the appeal");
    assertThat(page.select("a.skip").attr("href"))
        .as("the skip link lands on the first office")
        .isEqualTo("#board-first");
    assertThat(rows.get(0).id()).isEqualTo("board-first");
  }

  @Test
  void theBoardSortsAndFiltersAndRefusesAnUnknownOrderNamingIt() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "HR", "AL");

    assertThat(countries(board(campaign, "sort=country")))
        .containsExactly("Albania", "Croatia", "Serbia");
    assertThat(countries(board(campaign, "sort=country&dir=desc")))
        .containsExactly("Serbia", "Croatia", "Albania");
    assertThat(countries(board(campaign, "q=cro"))).containsExactly("Croatia");
    assertThat(board(campaign, "q=cro").select(".count").text()).isEqualTo("1 office of 3");
    // A country by its name in the team's languages, as the search box finds it.
    assertThat(countries(board(campaign, "q=Сербія"))).containsExactly("Serbia");
    assertThat(countries(board(campaign, "q=hrvatska"))).containsExactly("Croatia");
    assertThat(countries(board(campaign, "q=shqip"))).containsExactly("Albania");
    assertThat(countries(board(campaign, "stage=AWAITING_RESPONSE"))).isEmpty();
    assertThat(countries(board(campaign, "holder=nobody"))).hasSize(3);

    mvc.perform(
            get("/campaigns/{id}/board", campaign.id())
                .param("sort", "colour")
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("sort: must be one of country")));
  }

  /**
   * Many steps at once from the board: the selected reviews approved, then the approved letters
   * sent; a selected task of another kind is left alone and counted, each through the step's rules.
   */
  @Test
  void reviewsAreApprovedAndApprovedLettersSentFromTheBoard(
      @Autowired org.bucn.tracker.appeal.AppealService appeals,
      @Autowired org.bucn.tracker.campaign.CampaignService campaigns,
      @Autowired org.bucn.tracker.target.TargetService targets)
      throws Exception {
    // An office of the test's own, with a mail address: the letter can go by the tracker.
    String body =
        mvc.perform(
                post("/api/targets")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.httpBasic("coordinator", "demo"))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(
                        "{\"countryCode\":\"SI\",\"country\":\"Slovenia\",\"office\":\"Board test "
                            + System.nanoTime()
                            + "\",\"holderName\":\"Nataša Pirc Musar\",\"channel\":\"EMAIL\","
                            + "\"email\":\"gp.uprs@example.org\",\"language\":\"sl\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long office = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
    long croatiaOffice =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals("HR"))
            .findFirst()
            .orElseThrow()
            .id();
    Campaign campaign =
        drill.launch(
            campaigns.create(
                new org.bucn.tracker.campaign.CampaignRequest(
                    "Drill " + System.nanoTime(),
                    "A test campaign",
                    Set.of(Demand.values()),
                    "P14D",
                    3,
                    "P30D",
                    List.of(office, croatiaOffice)),
                CampaignDrill.COORDINATOR));
    long slovenia = drill.appeal(campaign, "SI");
    long croatia = drill.appeal(campaign, "HR");
    drill.complete(
        slovenia,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        java.util.Map.of("text", "Spoštovana predsednica, …", "language", "sl"));
    TaskItem review = drill.awaitTask(slovenia, TaskKey.REVIEW_APPEAL);
    TaskItem draft = drill.awaitTask(croatia, TaskKey.DRAFT_APPEAL);

    mvc.perform(
            post("/campaigns/{id}/board/approve", campaign.id())
                .param("taskIds", review.id(), draft.id())
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(redirectedUrl("/campaigns/" + campaign.id() + "/board"))
        .andExpect(
            flash()
                .attribute("flash", "1 of 2 approved; 1 selected were not reviews and were left."));
    TaskItem submit = drill.awaitTask(slovenia, TaskKey.SUBMIT_APPEAL);
    assertThat(drill.openTask(croatia, TaskKey.DRAFT_APPEAL)).as("left alone").isPresent();

    mvc.perform(
            post("/campaigns/{id}/board/send", campaign.id())
                .param("taskIds", submit.id(), draft.id())
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(flash().attribute("flashError", Matchers.nullValue()))
        .andExpect(
            flash()
                .attribute(
                    "flash",
                    "1 of 2 letters queued to be mailed; 1 selected were not approved letters"
                        + " waiting to go and were left."));
    assertThat(appeals.detail(slovenia).stage())
        .isEqualTo(org.bucn.tracker.appeal.AppealStage.AWAITING_RESPONSE);
    assertThat(appeals.detail(slovenia).submission().channel())
        .isEqualTo(org.bucn.tracker.target.Channel.EMAIL);
  }

  /**
   * The board adds an office to a running campaign and withdraws one, saying why or what failed.
   */
  @Test
  void officesAreAddedAndWithdrawnFromTheBoard(
      @Autowired org.bucn.tracker.target.TargetService targets,
      @Autowired org.bucn.tracker.appeal.AppealService appeals)
      throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    Document board =
        Jsoup.parse(
            mvc.perform(
                    get("/campaigns/{id}/board", campaign.id())
                        .with(user("coordinator").roles("COORDINATOR")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    long slovenia = drill.awaitTask(drill.appeal(campaign, "SI"), TaskKey.DRAFT_APPEAL).appealId();
    long sloveniaOffice = appeals.detail(slovenia).target().id();
    assertThat(board.select("#add-targetIds option").eachAttr("value"))
        .as("every office not in the campaign is offered")
        .doesNotContain(String.valueOf(sloveniaOffice))
        .hasSize(targets.findAll().size() - 1);
    assertThat(board.select("#withdraw-targetId option").eachAttr("value"))
        .contains(String.valueOf(sloveniaOffice));

    mvc.perform(
            post("/campaigns/{id}/targets/withdraw", campaign.id())
                .param("targetId", String.valueOf(sloveniaOffice))
                .param("reason", "")
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(redirectedUrl("/campaigns/" + campaign.id() + "/board"))
        .andExpect(flash().attribute("withdrawTarget", sloveniaOffice))
        .andExpect(
            flash()
                .attribute(
                    "flashError",
                    Matchers.startsWith("Not withdrawn: say why the office is withdrawn")));
    mvc.perform(
            post("/campaigns/{id}/targets/withdraw", campaign.id())
                .param("targetId", String.valueOf(sloveniaOffice))
                .param("reason", "Merged into another office")
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(flash().attributeExists("flash"));
    assertThat(appeals.detail(slovenia).stage())
        .isEqualTo(org.bucn.tracker.appeal.AppealStage.WITHDRAWN);
  }

  @Test
  void movingDueDatesBySomeDaysMovesEachSelectedTaskAndComesBackToTheBoard() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "HR");
    TaskItem serbia = drill.awaitTask(drill.appeal(campaign, "RS"), TaskKey.DRAFT_APPEAL);
    TaskItem croatia = drill.awaitTask(drill.appeal(campaign, "HR"), TaskKey.DRAFT_APPEAL);
    String back = "/campaigns/" + campaign.id() + "/board?sort=due";

    mvc.perform(
            post("/campaigns/{id}/board/due", campaign.id())
                .param("taskIds", serbia.id(), croatia.id())
                .param("days", "7")
                .param("back", back)
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(redirectedUrl(back))
        .andExpect(flash().attribute("flash", "Moved the due dates of 2 of 2 tasks by 7 days."));

    for (TaskItem before : List.of(serbia, croatia)) {
      TaskItem after = drill.awaitTask(before.appealId(), TaskKey.DRAFT_APPEAL);
      assertThat(after.due())
          .isCloseTo(
              before.due().plusDays(7),
              org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
    }

    // Nothing changes on a move by no days, or for an advocate.
    mvc.perform(
            post("/campaigns/{id}/board/due", campaign.id())
                .param("taskIds", serbia.id())
                .param("days", "0")
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(flash().attributeExists("flashError"));
    mvc.perform(
            post("/campaigns/{id}/board/due", campaign.id())
                .param("taskIds", serbia.id())
                .param("days", "3")
                .with(csrf())
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isForbidden());
    assertThat(drill.awaitTask(serbia.appealId(), TaskKey.DRAFT_APPEAL).due())
        .isCloseTo(
            serbia.due().plusDays(7),
            org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
  }

  @Test
  void givingOutTasksFromTheBoardComesBackToTheBoardAndShowsWhoHoldsThem() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS", "HR");
    TaskItem serbia = drill.awaitTask(drill.appeal(campaign, "RS"), TaskKey.DRAFT_APPEAL);
    String back = "/campaigns/" + campaign.id() + "/board?holder=nobody";

    mvc.perform(
            post("/tasks/assign")
                .param("taskIds", serbia.id())
                .param("assignee", "advocate")
                .param("back", back)
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(redirectedUrl(back));

    assertThat(countries(board(campaign, "holder=nobody"))).containsExactly("Croatia");
    assertThat(countries(board(campaign, "holder=advocate"))).containsExactly("Serbia");
    assertThat(row(board(campaign, ""), "Serbia").text())
        .contains("Draft the appeal · Ana Advocate");
  }

  private Document board(Campaign campaign, String query) throws Exception {
    String html =
        mvc.perform(
                get("/campaigns/" + campaign.id() + "/board" + (query.isEmpty() ? "" : "?" + query))
                    .with(user("coordinator").roles("COORDINATOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Jsoup.parse(html);
  }

  private static List<String> countries(Document page) {
    return page.select("table.board tbody tr td:nth-child(2)").eachText();
  }

  private static Element row(Document page, String country) {
    return page.select("table.board tbody tr").stream()
        .filter(r -> r.select("td:nth-child(2)").text().equals(country))
        .findFirst()
        .orElseThrow();
  }
}
