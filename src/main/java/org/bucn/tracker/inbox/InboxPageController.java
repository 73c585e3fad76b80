package org.bucn.tracker.inbox;

import java.security.Principal;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unmatched replies page: mails that answered no letter the tracker knows, until a coordinator
 * files them.
 */
@PageController
class InboxPageController {

  private final Replies replies;
  private final Texts texts;

  InboxPageController(Replies replies, Texts texts) {
    this.replies = replies;
    this.texts = texts;
  }

  @GetMapping("/inbox")
  String unmatched(Model model) {
    model.addAttribute("replies", replies.unmatched());
    return "inbox/unmatched";
  }

  @PostMapping("/inbox/{id}/file")
  String file(
      @PathVariable long id,
      @RequestParam(required = false) Long appealId,
      Principal principal,
      RedirectAttributes flash) {
    try {
      Reply filed = replies.fileByHand(id, appealId, principal.getName());
      flash.addFlashAttribute(
          "flash",
          texts.of("flash.replyFiled", filed.fromAddress(), String.valueOf(filed.appealId())));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.replyNotFiled", e.field(), texts.of(e)));
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
    }
    return "redirect:/inbox";
  }
}
