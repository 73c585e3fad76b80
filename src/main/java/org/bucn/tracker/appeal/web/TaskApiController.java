package org.bucn.tracker.appeal.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.step.UnfinishedDrafts;
import org.bucn.tracker.appeal.worklist.TaskFilter;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.TaskPage;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.user.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class TaskApiController {

  private final Worklist worklist;
  private final TaskAssignments assignments;
  private final DueDates dueDates;
  private final UnfinishedDrafts drafts;
  private final Steps steps;
  private final TaskInputs inputs;

  TaskApiController(
      Worklist worklist,
      TaskAssignments assignments,
      DueDates dueDates,
      UnfinishedDrafts drafts,
      Steps steps,
      TaskInputs inputs) {
    this.worklist = worklist;
    this.assignments = assignments;
    this.dueDates = dueDates;
    this.drafts = drafts;
    this.steps = steps;
    this.inputs = inputs;
  }

  @GetMapping("/api/tasks")
  TaskPage list(
      @RequestParam(defaultValue = "mine") String scope,
      @RequestParam(required = false) Long campaignId,
      @RequestParam(required = false) String countryCode,
      @RequestParam(required = false) String taskKey,
      @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "due") String sort,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Actor actor) {
    return worklist.list(
        TaskFilter.parse(
            scope, campaignId, countryCode, taskKey, assignee, overdue, sort, page, size),
        actor);
  }

  @GetMapping("/api/tasks/{id}")
  Worklist.TaskView get(@PathVariable String id, Actor actor) {
    return worklist.view(id, actor);
  }

  @PostMapping("/api/tasks/{id}/claim")
  TaskItem claim(@PathVariable String id, Actor actor) {
    return assignments.claim(id, actor);
  }

  @PostMapping("/api/tasks/{id}/unclaim")
  TaskItem unclaim(@PathVariable String id, Actor actor) {
    return assignments.unclaim(id, actor);
  }

  record AssignRequest(@NotBlank String assignee) {}

  record DueRequest(java.time.OffsetDateTime due) {}

  /** Coordinators: when the task is due, {@code {due}} as an ISO date-time, not in the past. */
  @PostMapping("/api/tasks/{id}/due")
  TaskItem due(@PathVariable String id, @RequestBody DueRequest request, Actor actor) {
    return dueDates.setDue(id, request.due(), actor);
  }

  @PostMapping("/api/tasks/{id}/assign")
  TaskItem assign(
      @PathVariable String id,
      @jakarta.validation.Valid @RequestBody AssignRequest request,
      Actor actor) {
    return assignments.assign(id, request.assignee(), actor);
  }

  /**
   * Saves work on a drafting task's text without completing it (not a new version): {text,
   * language, subject}.
   */
  @PutMapping("/api/tasks/{id}/draft")
  org.bucn.tracker.appeal.AppealViews.SavedDraft saveDraft(
      @PathVariable String id, @RequestBody UnfinishedDrafts.DraftWork work, Actor actor) {
    return drafts.save(id, work, actor);
  }

  @PostMapping("/api/tasks/{id}/complete")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description =
          "The fields of the task's kind: draftAppeal, reviewAppeal, "
              + "submitAppeal, followUp, recordResponse, escalateNoResponse, trackSanction, in this order (docs/api.md)",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(
                      anyOf = {
                        AppealInput.Draft.class,
                        AppealInput.Review.class,
                        AppealInput.Submission.class,
                        AppealInput.FollowUp.class,
                        AppealInput.Response.class,
                        AppealInput.Escalation.class,
                        AppealInput.Sanction.class
                      })))
  Steps.Completion complete(@PathVariable String id, @RequestBody JsonNode body, Actor actor) {
    return steps.complete(id, key -> inputs.fromJson(key, body), List.of(), actor);
  }

  /**
   * The same step as multipart: the task's fields as form fields, and files ({@code file},
   * repeatable) kept as evidence.
   */
  @PostMapping(path = "/api/tasks/{id}/complete", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Steps.Completion completeWithFiles(
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam
          Map<String, String> fields,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      Actor actor)
      throws IOException {
    Map<String, String> values = new LinkedHashMap<>(fields);
    values.remove("file");
    return steps.complete(
        id, key -> inputs.fromForm(key, values), TaskInputs.attachments(files), actor);
  }
}
