package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.bucn.tracker.user.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignApiController {

  private final CampaignService campaigns;

  CampaignApiController(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @GetMapping("/api/campaigns")
  List<Campaign> list() {
    return campaigns.findAll();
  }

  @GetMapping("/api/campaigns/{id}")
  Campaign get(@PathVariable long id) {
    return campaigns.get(id);
  }

  @PostMapping("/api/campaigns")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request, Actor actor) {
    Campaign created = campaigns.create(request, actor);
    return ResponseEntity.created(URI.create("/api/campaigns/" + created.id())).body(created);
  }

  /** A DRAFT campaign only; 409 once launched. */
  @org.springframework.web.bind.annotation.PutMapping("/api/campaigns/{id}")
  Campaign update(
      @PathVariable long id,
      @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
          CampaignRequest request,
      org.bucn.tracker.user.Actor actor) {
    return campaigns.update(id, request, actor);
  }

  /** A DRAFT campaign only; 409 once launched (what was recorded stays). */
  @org.springframework.web.bind.annotation.DeleteMapping("/api/campaigns/{id}")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id, org.bucn.tracker.user.Actor actor) {
    campaigns.delete(id, actor);
  }

  /**
   * Launches the campaign; 409 listing the preview's errors ({@code errors: [{targetId, code, …}]})
   * unless the body names each with a reason ({@code {overrides: [{targetId, code, reason}]}}).
   */
  @PostMapping("/api/campaigns/{id}/launch")
  Campaign launch(
      @PathVariable long id,
      @RequestBody(required = false) @jakarta.validation.Valid LaunchRequest request,
      Actor actor) {
    return campaigns.launch(id, request == null ? List.of() : request.overrides(), actor);
  }

  @PostMapping("/api/campaigns/{id}/close")
  Campaign close(@PathVariable long id, Actor actor) {
    return campaigns.close(id, actor);
  }

  /**
   * Shows an ACTIVE or CLOSED campaign on the public transparency page ({@code
   * /public/campaigns/{id}}); a DRAFT: 409.
   */
  @PostMapping("/api/campaigns/{id}/publish")
  Campaign publish(@PathVariable long id, Actor actor) {
    return campaigns.publish(id, true, actor);
  }

  @PostMapping("/api/campaigns/{id}/unpublish")
  Campaign unpublish(@PathVariable long id, Actor actor) {
    return campaigns.publish(id, false, actor);
  }
}
