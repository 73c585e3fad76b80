package org.bucn.tracker.appeal.web;

import java.util.List;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.CampaignBoard;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign board: every office of a campaign on one compact, sortable, filterable page, its
 * open tasks given out, their due dates moved and many at once, all through the same services and
 * rules as the task list and the API.
 */
@PageController
class BoardPageController {

  private final CampaignBoard board;
  private final CampaignService campaigns;
  private final DueDates dueDates;
  private final UserService users;
  private final Texts texts;

  BoardPageController(
      CampaignBoard board,
      CampaignService campaigns,
      DueDates dueDates,
      UserService users,
      Texts texts) {
    this.board = board;
    this.campaigns = campaigns;
    this.dueDates = dueDates;
    this.users = users;
    this.texts = texts;
  }

  @GetMapping("/campaigns/{id}/board")
  String board(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String holder,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      @RequestParam(name = "page", required = false) Integer pageNumber,
      Actor actor,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    CampaignBoard.Filter filter =
        CampaignBoard.Filter.of(q, stage, holder, overdue, sort, dir, pageNumber);
    model.addAttribute("campaign", campaigns.get(id));
    CampaignBoard.Page page = board.page(id, filter);
    model.addAttribute("board", page);
    model.addAttribute("filter", filter);
    // Where the bulk forms come back to: this board, its filters, sort and page kept.
    model.addAttribute(
        "here",
        TaskPageController.safeBack(
            request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())));
    if (!page.rows().isEmpty()) {
      // The skip link lands on the first office's row: Tab, Enter, and the board is in hand.
      model.addAttribute("skipTo", "#board-first");
    }
    model.addAttribute("stages", AppealStage.values());
    model.addAttribute("sorts", CampaignBoard.Sort.values());
    boolean coordinator = actor.has(Role.COORDINATOR);
    model.addAttribute("coordinator", coordinator);
    model.addAttribute("advocates", coordinator ? people(Role.ADVOCATE) : List.of());
    model.addAttribute("coordinators", coordinator ? people(Role.COORDINATOR) : List.of());
    return "campaigns/board";
  }

  /** Moves the due dates of the selected tasks by whole days, each through the one rule. */
  @PostMapping("/campaigns/{id}/board/due")
  String moveDue(
      @PathVariable long id,
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam(required = false) Integer days,
      @RequestParam(defaultValue = "") String back,
      Actor actor,
      RedirectAttributes flash) {
    String safe = back.startsWith(boardOf(id)) ? TaskPageController.safeBack(back) : boardOf(id);
    if (taskIds == null || taskIds.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.selectTasksFirst"));
      return "redirect:" + safe;
    }
    if (days == null || days == 0 || Math.abs(days) > 365) {
      flash.addFlashAttribute("flashError", texts.of("flash.boardDaysInvalid"));
      return "redirect:" + safe;
    }
    int moved = 0;
    StringBuilder failures = new StringBuilder();
    for (String taskId : taskIds) {
      try {
        dueDates.moveDue(taskId, days, actor);
        moved++;
      } catch (InvalidFieldException | ConflictException | NotFoundException e) {
        failures.append(failures.isEmpty() ? "" : "; ").append(texts.of(e));
      }
    }
    flash.addFlashAttribute("flash", texts.of("flash.boardDueMoved", moved, taskIds.size(), days));
    if (!failures.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.boardDueNotMoved", failures));
    }
    return "redirect:" + safe;
  }

  private static String boardOf(long id) {
    return "/campaigns/" + id + "/board";
  }

  private List<String> people(Role role) {
    return users.findEnabledWithRole(role).stream().map(UserAccount::username).toList();
  }
}
