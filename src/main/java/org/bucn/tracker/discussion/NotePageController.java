package org.bucn.tracker.discussion;

import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The note box on the appeal page. */
@PageController
class NotePageController {

  private final Texts texts;

  private final Notes notes;

  NotePageController(Notes notes, Texts texts) {
    this.texts = texts;
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
          note.mentioned().isEmpty()
              ? texts.of("flash.noteAdded")
              : texts.of("flash.noteAddedTold", String.join(", ", note.mentioned())));
      if (!note.unknownMentions().isEmpty()) {
        flash.addFlashAttribute(
            "flashError",
            texts.of(
                "flash.noteUnknownMentions",
                note.unknownMentions().size(),
                String.join(", ", note.unknownMentions().stream().map(n -> "@" + n).toList())));
      }
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.noteNotAdded", e.field(), texts.of(e)));
    }
    return "redirect:/appeals/" + id + "#timeline";
  }
}
