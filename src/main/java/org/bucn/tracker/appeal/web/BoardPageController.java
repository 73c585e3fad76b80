package org.bucn.tracker.appeal.web;

import java.util.List;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.CampaignBoard;
import org.bucn.tracker.appeal.ReviewDecision;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.CampaignOffices;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.campaign.AddTargetsRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.campaign.CampaignTerms;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.target.TargetService;
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
  private final CampaignOffices offices;
  private final TargetService targets;
  private final Steps steps;

  BoardPageController(
      CampaignBoard board,
      CampaignService campaigns,
      DueDates dueDates,
      UserService users,
      Texts texts,
      CampaignOffices offices,
      TargetService targets,
      Steps steps) {
    this.steps = steps;
    this.offices = offices;
    this.targets = targets;
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
    // Its terms: the list of its offices (10 000 ids in a large campaign) only for the forms that
    // add and withdraw offices, which coordinators alone see.
    CampaignTerms campaign = campaigns.terms(id);
    model.addAttribute("campaign", campaign);
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
    if (coordinator && campaign.status() != CampaignStatus.CLOSED) {
      // One read of the directory: the offices to add and those to withdraw are its two parts.
      java.util.Set<Long> in = new java.util.HashSet<>(campaigns.get(id).targetIds());
      var directory =
          targets.findAll().stream()
              .collect(java.util.stream.Collectors.partitioningBy(t -> in.contains(t.id())));
      model.addAttribute("addable", directory.get(false));
      model.addAttribute("inCampaign", directory.get(true));
    }
    return "campaigns/board";
  }

  /** Offices added from the board: on a running campaign, their appeals start at once. */
  @PostMapping("/campaigns/{id}/targets")
  String addOffices(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> targetIds,
      Actor actor,
      RedirectAttributes flash) {
    if (targetIds == null || targetIds.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.chooseOfficesFirst"));
      return "redirect:" + boardOf(id);
    }
    try {
      offices.add(id, new AddTargetsRequest(targetIds, List.of()), actor);
      flash.addFlashAttribute("flash", texts.of("flash.officesAdded", targetIds.size()));
    } catch (InvalidFieldException | ConflictException | NotFoundException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.officesNotAdded", texts.of(e)));
    }
    return "redirect:" + boardOf(id);
  }

  /** An office withdrawn from the board, with the reason its appeal's timeline keeps. */
  @PostMapping("/campaigns/{id}/targets/withdraw")
  String withdrawOffice(
      @PathVariable long id,
      @RequestParam(required = false) Long targetId,
      @RequestParam(required = false) String reason,
      Actor actor,
      RedirectAttributes flash) {
    if (targetId == null) {
      flash.addFlashAttribute("flashError", texts.of("flash.chooseOfficesFirst"));
      return "redirect:" + boardOf(id);
    }
    try {
      offices.withdraw(id, targetId, reason, actor);
      flash.addFlashAttribute("flash", texts.of("flash.officeWithdrawn"));
    } catch (InvalidFieldException | ConflictException | NotFoundException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.officeNotWithdrawn", texts.of(e)));
      flash.addFlashAttribute("withdrawReason", reason);
      flash.addFlashAttribute("withdrawTarget", targetId);
    }
    return "redirect:" + boardOf(id);
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

  /**
   * Approves the selected reviews, each as its reviewer would (the draft as it stands, no comment);
   * a selected task that is not a review is left as it is, and said so.
   */
  @PostMapping("/campaigns/{id}/board/approve")
  String approveReviews(
      @PathVariable long id,
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam(defaultValue = "") String back,
      Actor actor,
      RedirectAttributes flash) {
    return completeEach(
        id,
        taskIds,
        back,
        TaskKey.REVIEW_APPEAL,
        new AppealInput.Review(ReviewDecision.APPROVE, null),
        "flash.boardApproved",
        actor,
        flash);
  }

  /**
   * Sends the selected approved letters: each submission task completed as "the tracker mails the
   * letter to the office today", the same step as on its task page; other tasks are left.
   */
  @PostMapping("/campaigns/{id}/board/send")
  String sendLetters(
      @PathVariable long id,
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam(defaultValue = "") String back,
      Actor actor,
      RedirectAttributes flash) {
    return completeEach(
        id,
        taskIds,
        back,
        TaskKey.SUBMIT_APPEAL,
        new AppealInput.Submission(null, org.bucn.tracker.target.Channel.EMAIL, null, true),
        "flash.boardSent",
        actor,
        flash);
  }

  private String completeEach(
      long id,
      List<String> taskIds,
      String back,
      TaskKey key,
      AppealInput input,
      String done,
      Actor actor,
      RedirectAttributes flash) {
    String safe = back.startsWith(boardOf(id)) ? TaskPageController.safeBack(back) : boardOf(id);
    if (taskIds == null || taskIds.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.selectTasksFirst"));
      return "redirect:" + safe;
    }
    int completed = 0;
    int other = 0;
    StringBuilder failures = new StringBuilder();
    for (String taskId : taskIds) {
      try {
        if (steps.keyToComplete(taskId, actor) != key) {
          other++;
          continue;
        }
        steps.complete(taskId, input, actor);
        completed++;
      } catch (InvalidFieldException
          | ConflictException
          | NotFoundException
          | org.springframework.security.access.AccessDeniedException e) {
        failures.append(failures.isEmpty() ? "" : "; ").append(texts.why(e));
      }
    }
    flash.addFlashAttribute("flash", texts.of(done, completed, taskIds.size(), other));
    if (!failures.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.boardNotDone", failures));
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
