package org.bucn.tracker.appeal.web;

import jakarta.validation.Valid;
import org.bucn.tracker.appeal.step.CampaignOffices;
import org.bucn.tracker.campaign.AddTargetsRequest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignOfficesApiController {

  private final CampaignOffices offices;

  CampaignOfficesApiController(CampaignOffices offices) {
    this.offices = offices;
  }

  /**
   * Adds offices to a campaign: to a draft's list, or to a running campaign, where each office's
   * appeal starts at once as if launched with the campaign (its letter checked as at launch: 409
   * listing each error unless {@code overrides} names it with a reason), and the campaign still
   * closes once, when its last appeal ends. A closed campaign, or an office already in it: 409.
   */
  @PostMapping("/api/campaigns/{id}/targets")
  Campaign add(@PathVariable long id, @Valid @RequestBody AddTargetsRequest request, Actor actor) {
    return offices.add(id, request, actor);
  }

  /**
   * Takes an office out of a campaign: off a draft's list, or, once launched, its appeal withdrawn
   * ({@code reason} required) with its tasks and timers ended; everything recorded stays.
   */
  @DeleteMapping("/api/campaigns/{id}/targets/{targetId}")
  Campaign withdraw(
      @PathVariable long id,
      @PathVariable long targetId,
      @RequestParam(required = false) String reason,
      Actor actor) {
    return offices.withdraw(id, targetId, reason, actor);
  }
}
