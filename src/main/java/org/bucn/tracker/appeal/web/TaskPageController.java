package org.bucn.tracker.appeal.web;

import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.DraftDiff;
import org.bucn.tracker.appeal.EscalationDecision;
import org.bucn.tracker.appeal.FiledReplies;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.ReviewDecision;
import org.bucn.tracker.appeal.SanctionStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.step.UnfinishedDrafts;
import org.bucn.tracker.appeal.worklist.TaskFilter;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskListPlaces;
import org.bucn.tracker.appeal.worklist.TaskPage;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.FieldErrors;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task list and one form per task key, for coordinators and advocates. */
@PageController
class TaskPageController {

  static final int PAGE_SIZE = 25;

  private final Worklist worklist;
  private final TaskAssignments assignments;
  private final DueDates dueDates;
  private final UnfinishedDrafts drafts;
  private final Steps steps;
  private final CampaignService campaigns;
  private final TargetService targets;
  private final UserService users;
  private final TaskInputs inputs;
  private final FiledReplies replies;
  private final TaskListPlaces places;
  private final org.bucn.tracker.appeal.worklist.TaskCalendar calendar;
  private final Texts texts;
  private final Formats fmt;

  TaskPageController(
      Worklist worklist,
      TaskAssignments assignments,
      DueDates dueDates,
      UnfinishedDrafts drafts,
      Steps steps,
      CampaignService campaigns,
      TargetService targets,
      UserService users,
      TaskInputs inputs,
      FiledReplies replies,
      TaskListPlaces places,
      org.bucn.tracker.appeal.worklist.TaskCalendar calendar,
      Texts texts,
      Formats fmt) {
    this.texts = texts;
    this.fmt = fmt;
    this.replies = replies;
    this.places = places;
    this.calendar = calendar;
    this.worklist = worklist;
    this.assignments = assignments;
    this.dueDates = dueDates;
    this.drafts = drafts;
    this.steps = steps;
    this.campaigns = campaigns;
    this.targets = targets;
    this.users = users;
    this.inputs = inputs;
  }

  @GetMapping("/tasks")
  String list(
      @RequestParam(required = false) String tab,
      @RequestParam(required = false) Long campaignId,
      @RequestParam(required = false) String countryCode,
      @RequestParam(required = false) String taskKey,
      @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "due") String sort,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      RedirectAttributes redirect) {
    if (request.getParameterMap().isEmpty()) {
      // Back where the person left the list (a message on its way comes along); the first time,
      // coordinators on "All", advocates on their own tasks if they have any.
      Map<String, ?> message =
          org.springframework.web.servlet.support.RequestContextUtils.getInputFlashMap(request);
      if (message != null) {
        message.forEach(redirect::addFlashAttribute);
      }
      String landing =
          places
              .last(actor.username())
              .orElseGet(
                  () ->
                      actor.has(Role.COORDINATOR)
                          ? "tab=all"
                          : worklist.summary(actor).mine() > 0 ? "tab=mine" : "tab=claimable");
      return "redirect:/tasks?" + landing;
    }
    String query =
        org.springframework.web.util.UriComponentsBuilder.newInstance()
            .queryParamIfPresent("tab", java.util.Optional.ofNullable(tab))
            .queryParamIfPresent("campaignId", java.util.Optional.ofNullable(campaignId))
            .queryParamIfPresent(
                "countryCode", java.util.Optional.ofNullable(countryCode).filter(c -> !c.isBlank()))
            .queryParamIfPresent(
                "taskKey", java.util.Optional.ofNullable(taskKey).filter(k -> !k.isBlank()))
            .queryParamIfPresent(
                "assignee", java.util.Optional.ofNullable(assignee).filter(a -> !a.isBlank()))
            .queryParamIfPresent("overdue", java.util.Optional.of(overdue).filter(o -> o))
            .queryParam("sort", sort)
            .queryParamIfPresent("page", java.util.Optional.of(page).filter(p -> p > 0))
            .encode()
            .build()
            .getQuery();
    if (safeBack("/tasks?" + query).equals("/tasks?" + query)) {
      places.remember(actor.username(), query);
    }
    // The tabs name the scopes; "all" is a coordinator's tab, anyone else lands on their own.
    String scope =
        tab == null ? "mine" : "all".equals(tab) && !actor.has(Role.COORDINATOR) ? "mine" : tab;
    TaskFilter filter =
        TaskFilter.parse(
            scope,
            campaignId,
            countryCode,
            taskKey,
            assignee,
            overdue,
            sort,
            Math.max(0, page),
            PAGE_SIZE);
    TaskPage result = worklist.list(filter, actor);
    model.addAttribute("tab", filter.scope().name().toLowerCase());
    model.addAttribute("result", result);
    model.addAttribute("pages", (int) Math.ceil(result.total() / (double) PAGE_SIZE));
    model.addAttribute("filter", filter);
    model.addAttribute("sort", sort);
    model.addAttribute("campaigns", campaigns.findAll());
    model.addAttribute("countries", countries());
    model.addAttribute("taskKeys", TaskKey.values());
    model.addAttribute("query", query);
    model.addAttribute("views", places.views(actor.username()));
    model.addAttribute("hasCalendar", calendar.has(actor.username()));
    addRowContext(actor, model);
    return "tasks/list";
  }

  /** Keeps the list's current filters under a name. */
  @PostMapping("/tasks/views")
  String saveView(
      @RequestParam(required = false) String name,
      @RequestParam(defaultValue = "tab=mine") String query,
      Actor actor,
      RedirectAttributes flash) {
    String back = safeBack("/tasks?" + query);
    try {
      places.saveView(
          actor.username(),
          name,
          back.equals("/tasks") ? "tab=mine" : back.substring("/tasks?".length()));
      flash.addFlashAttribute("flash", texts.of("flash.viewSaved", name.strip()));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.viewNotSaved", e.field(), texts.of(e)));
    }
    return "redirect:" + back;
  }

  @PostMapping("/tasks/views/delete")
  String deleteView(@RequestParam String name, Actor actor, RedirectAttributes flash) {
    places.deleteView(actor.username(), name);
    flash.addFlashAttribute("flash", texts.of("flash.viewRemoved", name));
    return "redirect:/tasks";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(
      @PathVariable String id,
      Actor actor,
      Model model,
      RedirectAttributes flash,
      @RequestHeader(value = "HX-Request", required = false) String htmx) {
    try {
      TaskItem item = assignments.claim(id, actor);
      return rowOrRedirect(
          item,
          htmx,
          actor,
          model,
          flash,
          texts.of("flash.claimed", texts.task(item.taskKey()), item.country()));
    } catch (ConflictException e) {
      return conflict(e, htmx, model, flash);
    }
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(
      @PathVariable String id,
      Actor actor,
      Model model,
      RedirectAttributes flash,
      @RequestHeader(value = "HX-Request", required = false) String htmx) {
    try {
      TaskItem item = assignments.unclaim(id, actor);
      return rowOrRedirect(
          item,
          htmx,
          actor,
          model,
          flash,
          texts.of("flash.unclaimed", texts.task(item.taskKey()), item.country()));
    } catch (ConflictException e) {
      return conflict(e, htmx, model, flash);
    }
  }

  @PostMapping("/tasks/{id}/assign")
  String assign(
      @PathVariable String id,
      @RequestParam String assignee,
      Actor actor,
      RedirectAttributes flash,
      @RequestParam(defaultValue = "/tasks") String back) {
    try {
      TaskItem item = assignments.assign(id, assignee, actor);
      flash.addFlashAttribute(
          "flash",
          texts.of("flash.assigned", texts.task(item.taskKey()), item.country(), assignee));
    } catch (InvalidFieldException | ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
    }
    return "redirect:" + safeBack(back);
  }

  @GetMapping("/tasks/{id}")
  String form(@PathVariable String id, Actor actor, Model model) {
    Worklist.TaskView view = worklist.view(id, actor);
    Map<String, String> prefilled = new LinkedHashMap<>();
    if (TaskKey.RECORD_RESPONSE.key().equals(view.task().taskKey())) {
      // The reply that came in by mail says when the answer arrived; a person still says what it
      // was.
      replies.filedTo(view.appeal().id()).stream()
          .findFirst()
          .ifPresent(
              reply -> prefilled.put("receivedAt", reply.receivedAt().toLocalDate().toString()));
    }
    return showForm(view, prefilled, Map.of(), actor, model);
  }

  /** A coordinator moves the task's due date (a day: due by its end, UTC). */
  @PostMapping("/tasks/{id}/due")
  String due(
      @PathVariable String id,
      @RequestParam(required = false) String due,
      Actor actor,
      RedirectAttributes flash) {
    try {
      java.time.LocalDate day = java.time.LocalDate.parse(due == null ? "" : due.strip());
      dueDates.setDue(id, day.atTime(23, 59).atOffset(java.time.ZoneOffset.UTC), actor);
      flash.addFlashAttribute("flash", texts.of("flash.due", fmt.date(day)));
    } catch (java.time.format.DateTimeParseException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.dueNotADate"));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.dueNotSet", e.field(), texts.of(e)));
    }
    return "redirect:/tasks/" + id;
  }

  /** "Save and continue later" on a drafting task: keeps the text, completes nothing. */
  @PostMapping("/tasks/{id}/draft")
  String saveDraft(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    Worklist.TaskView view = worklist.view(id, actor);
    try {
      drafts.save(
          id,
          new UnfinishedDrafts.DraftWork(
              form.get("text"), form.get("language"), form.get("subject")),
          actor);
    } catch (ConstraintViolationException e) {
      return showForm(view, form, FieldErrors.of(e, texts), actor, model);
    }
    flash.addFlashAttribute("flash", texts.of("flash.draftSaved"));
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      Actor actor,
      Model model,
      RedirectAttributes flash,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    form = new LinkedHashMap<>(form);
    form.remove("file");
    Map<String, String> values = form;
    Worklist.TaskView view;
    try {
      view = worklist.view(id, actor);
    } catch (ConflictException e) {
      return lostRace(e, form, model, response);
    }
    try {
      steps.complete(id, key -> inputs.fromForm(key, values), TaskInputs.attachments(files), actor);
    } catch (InvalidFieldException | ConstraintViolationException e) {
      return showForm(view, form, FieldErrors.of(e, texts), actor, model);
    } catch (ConflictException e) {
      return lostRace(e, form, model, response);
    }
    flash.addFlashAttribute(
        "flash",
        texts.of(
            "flash.done",
            texts.task(view.task().taskKey()),
            view.task().country(),
            view.task().office()));
    return "redirect:/tasks";
  }

  private String showForm(
      Worklist.TaskView view,
      Map<String, String> values,
      Map<String, String> errors,
      Actor actor,
      Model model) {
    model.addAttribute("view", view);
    model.addAttribute("task", view.task());
    model.addAttribute("appeal", view.appeal());
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("channels", Channel.values());
    model.addAttribute("reviewDecisions", ReviewDecision.values());
    model.addAttribute("responseKinds", ResponseKind.values());
    model.addAttribute("escalationDecisions", EscalationDecision.values());
    model.addAttribute("sanctionStatuses", SanctionStatus.values());
    model.addAttribute("mayComplete", view.mayComplete());
    model.addAttribute("mailCc", campaigns.terms(view.appeal().campaignId()).replyTo());
    model.addAttribute("replies", replies.filedTo(view.appeal().id()));
    List<DraftDiff.Segment> diff = DraftDiff.ofLatest(view.appeal().drafts());
    model.addAttribute("diff", diff.isEmpty() ? null : diff);
    DraftChecks.addShown(model, view.appeal(), values);
    addRowContext(actor, model);
    if (!errors.isEmpty()) {
      model.addAttribute("flashError", texts.of("flash.correctFields"));
    }
    return "tasks/form";
  }

  private String rowOrRedirect(
      TaskItem item,
      String htmx,
      Actor actor,
      Model model,
      RedirectAttributes flash,
      String message) {
    if (htmx != null) {
      model.addAttribute("t", item);
      model.addAttribute("rowMessage", message);
      addRowContext(actor, model);
      return "tasks/row :: row";
    }
    flash.addFlashAttribute("flash", message);
    return "redirect:/tasks";
  }

  private String conflict(ConflictException e, String htmx, Model model, RedirectAttributes flash) {
    if (htmx != null) {
      model.addAttribute("message", texts.of(e));
      return "tasks/row :: conflict";
    }
    flash.addFlashAttribute("flashError", texts.of(e));
    return "redirect:/tasks";
  }

  private void addRowContext(Actor actor, Model model) {
    boolean coordinator = actor.has(Role.COORDINATOR);
    model.addAttribute("coordinator", coordinator);
    model.addAttribute("me", actor.username());
    model.addAttribute(
        "advocates",
        coordinator
            ? users.findEnabledWithRole(Role.ADVOCATE).stream().map(UserAccount::username).toList()
            : List.of());
    model.addAttribute(
        "coordinators",
        coordinator
            ? users.findEnabledWithRole(Role.COORDINATOR).stream()
                .map(UserAccount::username)
                .toList()
            : List.of());
    model.addAttribute(
        "holders",
        coordinator
            ? java.util.stream.Stream.concat(
                    ((List<?>) model.getAttribute("advocates")).stream(),
                    ((List<?>) model.getAttribute("coordinators")).stream())
                .distinct()
                .toList()
            : List.of());
  }

  private Map<String, String> countries() {
    Map<String, String> countries = new java.util.TreeMap<>();
    for (Target t : targets.findAll()) {
      countries.put(t.countryCode(), t.country());
    }
    return countries;
  }

  /**
   * Someone completed the task first: 409, and what this person typed, to copy, since nothing of it
   * was saved.
   */
  private String lostRace(
      ConflictException e,
      Map<String, String> form,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    Map<String, String> typed = new LinkedHashMap<>(form);
    typed.remove("_csrf");
    typed.values().removeIf(v -> v == null || v.isBlank());
    model.addAttribute("message", texts.of(e));
    model.addAttribute("typed", typed);
    response.setStatus(409);
    return "error/409";
  }

  /**
   * Back to the task list or campaign board the form came from, filters kept; anything else
   * (another site, a header, a URI template) goes to /tasks: only our own pages are redirect
   * targets.
   */
  static String safeBack(String back) {
    return back.matches(
            "(/tasks|/tasks/[A-Za-z0-9-]+|/campaigns/[0-9]+/board)(\\?[A-Za-z0-9_=&%.,+-]*)?")
        ? back
        : "/tasks";
  }
}
