package org.bucn.tracker.notification;

import java.util.List;
import org.bucn.tracker.user.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoticeApiController {

  /** The caller's notices, newest first, and how many of all of theirs are unread. */
  record Notices(int unread, List<Notice> notices) {}

  private final NoticeList list;

  NoticeApiController(NoticeList list) {
    this.list = list;
  }

  /**
   * The caller's newest 50 notices (only the unread with {@code unread=true}) and the count of
   * unread ones: what the bell in the header shows.
   */
  @GetMapping("/api/me/notices")
  Notices notices(Actor actor, @RequestParam(defaultValue = "false") boolean unread) {
    return new Notices(list.unread(actor.username()), list.of(actor.username(), unread));
  }

  /** Marks one of the caller's notices read; someone else's is 404. */
  @PostMapping("/api/me/notices/{id}/read")
  Notice read(Actor actor, @PathVariable long id) {
    return list.read(actor.username(), id);
  }

  /** Marks every notice of the caller read. */
  @PostMapping("/api/me/notices/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void readAll(Actor actor) {
    list.readAll(actor.username());
  }
}
