package org.bucn.tracker.appeal.web;

import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.DraftDiff;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.LetterScripts;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.target.LanguageTags;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The launch's checks on a draft as it is written: a language the office does not read, a text in
 * another script than its language's. The drafting page shows them for the text it opens with and
 * asks again (htmx) as the advocate types.
 */
@PageController
class DraftChecks {

  private final Worklist worklist;

  DraftChecks(Worklist worklist) {
    this.worklist = worklist;
  }

  @PostMapping("/tasks/{id}/draft/checks")
  String check(
      @PathVariable String id,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String text,
      Actor actor,
      Model model) {
    Worklist.TaskView view = worklist.view(id, actor);
    model.addAttribute("task", view.task());
    model.addAttribute("appeal", view.appeal());
    addTo(model, view.appeal(), language, text);
    return "tasks/draft-checks :: checks";
  }

  /**
   * The checks of a text in a language (blank, or not a language tag, which the form's own check
   * names: nothing to check).
   */
  static void addTo(Model model, AppealDetail appeal, String language, String text) {
    String tag = language == null ? "" : LanguageTags.canonical(language.strip()).orElse("");
    model.addAttribute("checkLanguage", tag);
    model.addAttribute(
        "languageFits", tag.isEmpty() || DraftDiff.languageFits(tag, appeal.target().languages()));
    model.addAttribute(
        "scriptFits", tag.isEmpty() || text == null || LetterScripts.textFits(tag, text));
  }

  /**
   * What the page opens with: what was just typed, else the work saved for later, else the last
   * draft.
   */
  static void addShown(Model model, AppealDetail appeal, java.util.Map<String, String> typed) {
    if (typed.containsKey("text")) {
      addTo(model, appeal, typed.get("language"), typed.get("text"));
    } else if (appeal.draftInProgress() != null) {
      addTo(model, appeal, appeal.draftInProgress().language(), appeal.draftInProgress().text());
    } else if (appeal.draft() != null) {
      addTo(model, appeal, appeal.draft().language(), appeal.draft().text());
    } else {
      addTo(model, appeal, null, null);
    }
  }
}
