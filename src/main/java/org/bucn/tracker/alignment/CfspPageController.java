package org.bucn.tracker.alignment;

import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@PageController
class CfspPageController {

  private final Texts texts;

  private final CfspAlignments alignments;

  CfspPageController(CfspAlignments alignments, Texts texts) {
    this.texts = texts;
    this.alignments = alignments;
  }

  /**
   * The country page's "Appeal this non-alignment": on to the new draft campaign, to check and
   * launch.
   */
  @PostMapping("/countries/{code}/cfsp/{actId}/appeal")
  String appeal(
      @PathVariable String code, @PathVariable long actId, Actor actor, RedirectAttributes flash) {
    try {
      Campaign draft = alignments.appealNonAlignment(actId, code, actor);
      flash.addFlashAttribute("flash", texts.of("flash.cfspDraft"));
      return "redirect:/campaigns/" + draft.id();
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
      return "redirect:/countries/" + code;
    }
  }
}
