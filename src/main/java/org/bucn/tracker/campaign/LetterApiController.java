package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import java.util.List;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LetterApiController {

  private final Letters letters;

  LetterApiController(Letters letters) {
    this.letters = letters;
  }

  @GetMapping("/api/campaigns/{id}/letters")
  List<Letter> list(@PathVariable long id) {
    return letters.of(id);
  }

  /** Every target's letter as launching will draft it, and what to look at first. */
  @GetMapping("/api/campaigns/{id}/letters/preview")
  java.util.List<LetterPreview> preview(@PathVariable long id) {
    return letters.preview(id);
  }

  @PutMapping("/api/campaigns/{id}/letters/{language}")
  Letter save(
      @PathVariable long id,
      @PathVariable String language,
      @Valid @RequestBody LetterRequest request,
      Actor actor) {
    return letters.save(id, language, request, actor);
  }
}
