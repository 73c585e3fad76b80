package org.bucn.tracker.target;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TargetApiController {

  private final TargetService targets;
  private final DirectoryImport directoryImport;
  private final OfficeInteractions interactions;

  TargetApiController(
      TargetService targets, DirectoryImport directoryImport, OfficeInteractions interactions) {
    this.targets = targets;
    this.directoryImport = directoryImport;
    this.interactions = interactions;
  }

  /** A conversation with the office outside any campaign, logged on its record. */
  @PostMapping("/api/targets/{id}/interactions")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED)
  Interaction logInteraction(
      @PathVariable long id,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
          Interaction.Request request,
      org.bucn.tracker.user.Actor actor) {
    return interactions.log(id, request, actor.username());
  }

  @GetMapping("/api/targets/{id}/interactions")
  java.util.List<Interaction> interactions(@PathVariable long id) {
    return interactions.of(id);
  }

  /**
   * A CSV of offices (a header line of {@link DirectoryImport#COLUMNS}, comma or semicolon): what
   * each line would do and what is wrong with it; with {@code apply=true}, done, all or nothing.
   */
  @PostMapping(
      path = "/api/targets/import",
      consumes = {"text/csv", "text/plain"})
  DirectoryImport.ImportReport importCsv(
      @org.springframework.web.bind.annotation.RequestBody String csv,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean apply,
      org.bucn.tracker.user.Actor actor) {
    return apply ? directoryImport.apply(csv, actor.username()) : directoryImport.preview(csv);
  }

  @GetMapping("/api/targets")
  List<Target> list() {
    return targets.findAll();
  }

  @GetMapping("/api/targets/{id}")
  Target get(@PathVariable long id) {
    return targets.get(id);
  }

  /** Who held the office when, oldest first; the current holder has no end date. */
  @GetMapping("/api/targets/{id}/holders")
  List<Holder> holders(@PathVariable long id) {
    return targets.holders(id);
  }

  /** How protocol addresses the office, one form per language. */
  @GetMapping("/api/targets/{id}/forms")
  List<TargetForm> forms(@PathVariable long id) {
    return targets.forms(id);
  }

  @GetMapping("/api/targets/{id}/forms/{language}")
  TargetForm form(@PathVariable long id, @PathVariable String language) {
    return targets.form(id, language);
  }

  @PutMapping("/api/targets/{id}/forms/{language}")
  TargetForm saveForm(
      @PathVariable long id,
      @PathVariable String language,
      @Valid @RequestBody TargetFormRequest form,
      Principal principal) {
    return targets.saveForm(id, language, form, principal.getName());
  }

  @PostMapping("/api/targets")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Target> create(@Valid @RequestBody TargetRequest request, Principal principal) {
    Target created = targets.create(request, principal.getName());
    return ResponseEntity.created(URI.create("/api/targets/" + created.id())).body(created);
  }

  @PutMapping("/api/targets/{id}")
  Target update(
      @PathVariable long id, @Valid @RequestBody TargetRequest request, Principal principal) {
    return targets.update(id, request, principal.getName());
  }
}
