package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.bucn.tracker.shared.Texts;
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
  private final Texts texts;

  CampaignApiController(CampaignService campaigns, Texts texts) {
    this.campaigns = campaigns;
    this.texts = texts;
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

  /**
   * The next round: a new DRAFT with this campaign's demands, schedule, offices and letters; {@code
   * title} optional (default "Copy of …" in the caller's language).
   */
  @PostMapping("/api/campaigns/{id}/copy")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Campaign> copy(
      @PathVariable long id,
      @RequestBody(required = false) @Valid CopyRequest request,
      Actor actor) {
    String title =
        request == null || request.title() == null || request.title().isBlank()
            ? copyTitle(campaigns.get(id).title(), texts)
            : request.title().strip();
    Campaign copy = campaigns.copy(id, title, actor);
    return ResponseEntity.created(URI.create("/api/campaigns/" + copy.id())).body(copy);
  }

  /** What a copy may be called. */
  record CopyRequest(@jakarta.validation.constraints.Size(max = 200) String title) {}

  /** "Copy of …", cut to the 200 characters a title may have. */
  static String copyTitle(String title, Texts texts) {
    String copy = texts.of("campaign.copyTitle", title);
    return copy.length() <= 200 ? copy : copy.substring(0, 199) + "…";
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
