package org.bucn.tracker.inbox;

import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  /** The mail as it came, to read it before filing it; a download, never rendered. */
  @GetMapping("/api/inbox/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("message/rfc822"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("reply-" + id + ".eml").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(replies.raw(id));
  }

  @PostMapping("/api/inbox/{id}/file")
  Reply file(@PathVariable long id, @RequestBody FileRequest request, Principal principal) {
    return replies.fileByHand(id, request.appealId(), principal.getName());
  }
}
