package org.bucn.tracker.appeal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators give many tasks to one person at once from the task list, and can take that back for
 * {@link #UNDO_FOR} with "Undo" in the flash: each task returns to whoever held it before, unless
 * its new holder has moved it on since.
 */
@PageController
class TaskAssignmentPageController {

  static final Duration UNDO_FOR = Duration.ofMinutes(10);

  /**
   * What "Undo" posts back: who got the tasks, when (epoch seconds), and each task as
   * "taskId|previous holder" (empty: nobody), and the task list to come back to. It only says which
   * assignments to reverse; each reversal is an assignment the coordinator may make anyway, checked
   * as one.
   */
  public record Undo(String assignee, long at, List<String> tasks, String back) {}

  private final TaskAssignments assignments;
  private final Clock clock;
  private final Texts texts;

  TaskAssignmentPageController(TaskAssignments assignments, Clock clock, Texts texts) {
    this.texts = texts;
    this.assignments = assignments;
    this.clock = clock;
  }

  @PostMapping("/tasks/assign")
  String assignMany(
      @RequestParam(required = false) List<String> taskIds,
      @RequestParam String assignee,
      Actor actor,
      RedirectAttributes flash,
      @RequestParam(defaultValue = "/tasks") String back) {
    if (taskIds == null || taskIds.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.selectTasksFirst"));
      return "redirect:" + TaskPageController.safeBack(back);
    }
    List<String> undo = new ArrayList<>();
    int assigned = 0;
    StringBuilder failures = new StringBuilder();
    for (String id : taskIds) {
      try {
        TaskAssignments.Assignment done = assignments.reassign(id, assignee, actor);
        assigned++;
        if (!assignee.equals(done.previous())) {
          undo.add(id + "|" + (done.previous() == null ? "" : done.previous()));
        }
      } catch (InvalidFieldException | ConflictException | NotFoundException e) {
        failures.append(failures.isEmpty() ? "" : "; ").append(texts.of(e));
      }
    }
    flash.addFlashAttribute(
        "flash", texts.of("flash.assignedMany", assigned, taskIds.size(), assignee));
    if (!undo.isEmpty()) {
      flash.addFlashAttribute(
          "undo",
          new Undo(
              assignee, clock.instant().getEpochSecond(), undo, TaskPageController.safeBack(back)));
    }
    if (!failures.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.notAssigned", failures.toString()));
    }
    return "redirect:" + TaskPageController.safeBack(back);
  }

  /**
   * "Undo" after a bulk assignment: within ten minutes, each task still held by its new holder goes
   * back.
   */
  @PostMapping("/tasks/assign/undo")
  String undo(
      @RequestParam String assignee,
      @RequestParam long at,
      @RequestParam(name = "task", required = false) List<String> taskList,
      @RequestParam(defaultValue = "/tasks") String back,
      Actor actor,
      RedirectAttributes flash) {
    if (clock.instant().getEpochSecond() - at > UNDO_FOR.toSeconds()) {
      flash.addFlashAttribute("flashError", texts.of("flash.undoTooLate", UNDO_FOR.toMinutes()));
      return "redirect:" + TaskPageController.safeBack(back);
    }
    int undone = 0;
    StringBuilder kept = new StringBuilder();
    for (String entry : taskList == null ? List.<String>of() : taskList) {
      String[] parts = entry.split("\\|", 2);
      String previous = parts.length < 2 || parts[1].isBlank() ? null : parts[1];
      try {
        assignments.undoAssignment(parts[0], assignee, previous, actor);
        undone++;
      } catch (InvalidFieldException | ConflictException | NotFoundException e) {
        kept.append(kept.isEmpty() ? "" : "; ").append(texts.of(e));
      }
    }
    flash.addFlashAttribute(
        "flash", texts.of("flash.undone", undone, taskList == null ? 0 : taskList.size()));
    if (!kept.isEmpty()) {
      flash.addFlashAttribute("flashError", texts.of("flash.notUndone", kept.toString()));
    }
    return "redirect:" + TaskPageController.safeBack(back);
  }
}
