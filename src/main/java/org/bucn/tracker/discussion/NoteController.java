package org.bucn.tracker.discussion;

import java.net.URI;
import org.bucn.tracker.user.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoteController {

  record NoteRequest(String text) {}

  private final Notes notes;

  NoteController(Notes notes) {
    this.notes = notes;
  }

  /** Anyone who may read the appeal: {@code {text}}; {@code @username} tells that person. */
  @PostMapping("/api/appeals/{id}/notes")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Note> add(@PathVariable long id, @RequestBody NoteRequest request, Actor actor) {
    Note note = notes.add(id, request.text(), actor);
    return ResponseEntity.created(URI.create("/api/appeals/" + id)).body(note);
  }
}
