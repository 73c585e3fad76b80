package org.bucn.tracker.operations;

import org.bucn.tracker.infrastructure.db.DatabaseBackup;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations console for admins: {@code /admin/operations} and {@code /api/admin/operations}.
 */
@PageController
class OperationsController {

  private final Operations operations;
  private final DatabaseBackup backup;

  OperationsController(Operations operations, DatabaseBackup backup) {
    this.operations = operations;
    this.backup = backup;
  }

  @GetMapping("/admin/operations")
  String page(Model model) {
    model.addAttribute("overview", operations.overview());
    model.addAttribute("backupPossible", backup.possible());
    return "admin/operations";
  }

  @PostMapping("/admin/operations/jobs/{jobId}/retry")
  String retryJob(@PathVariable String jobId, Actor actor, RedirectAttributes flash) {
    operations.retryJob(jobId, actor);
    flash.addFlashAttribute("flash", "The job will run again within seconds");
    return "redirect:/admin/operations";
  }

  @PostMapping("/admin/operations/mails/retry")
  String retryMails(RedirectAttributes flash) {
    flash.addFlashAttribute(
        "flash", operations.retryMailsNow() + " waiting mails will be tried at the next poll");
    return "redirect:/admin/operations";
  }
}
