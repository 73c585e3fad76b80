package org.bucn.tracker.discussion;

import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The note box on the appeal page. */
@PageController
class NotePageController {

  private final Notes notes;

  NotePageController(Notes notes) {
    this.notes = notes;
  }

  @PostMapping("/appeals/{id}/notes")
  String add(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      Actor actor,
      RedirectAttributes flash) {
    try {
      Note note = notes.add(id, text, actor);
      flash.addFlashAttribute(
          "flash",
          "Note added"
              + (note.mentioned().isEmpty()
                  ? "."
                  : "; told " + String.join(", ", note.mentioned()) + "."));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", "Note not added: " + e.field() + " " + e.getMessage());
    }
    return "redirect:/appeals/" + id + "#timeline";
  }
}
