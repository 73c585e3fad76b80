package org.bucn.tracker.inbox;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators: the mails that answered no known letter, and filing one on its appeal. */
@RestController
class InboxApiController {

  record FileRequest(Long appealId) {}

  private final Replies replies;

  InboxApiController(Replies replies) {
    this.replies = replies;
  }

  @GetMapping("/api/inbox/unmatched")
  List<Reply> unmatched() {
    return replies.unmatched();
  }

  @PostMapping("/api/inbox/{id}/file")
  Reply file(@PathVariable long id, @RequestBody FileRequest request, Principal principal) {
    return replies.fileByHand(id, request.appealId(), principal.getName());
  }
}
