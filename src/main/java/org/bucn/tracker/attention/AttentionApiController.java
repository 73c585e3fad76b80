package org.bucn.tracker.attention;

import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttentionApiController {

  private final AttentionService attention;

  AttentionApiController(AttentionService attention) {
    this.attention = attention;
  }

  /** What needs the caller now, the same lists as their start page. */
  @GetMapping("/api/me/attention")
  Attention attention(Actor actor) {
    return attention.of(actor);
  }
}
