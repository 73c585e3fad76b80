package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AppealApiController {

  private final AppealService appeals;
  private final AppealDeliveries deliveries;

  AppealApiController(AppealService appeals, AppealDeliveries deliveries) {
    this.appeals = appeals;
    this.deliveries = deliveries;
  }

  @GetMapping("/api/campaigns/{campaignId}/appeals")
  List<AppealSummary> ofCampaign(@PathVariable long campaignId) {
    return appeals.summariesOfCampaign(campaignId);
  }

  @GetMapping("/api/appeals/{id}")
  AppealDetail get(@PathVariable long id) {
    return appeals.detail(id);
  }

  /** The letter as it went once submitted (the kept bytes), else the latest draft as it would be printed; header Letter-Status says which. */
  @GetMapping("/api/appeals/{id}/letter.pdf")
  org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable long id) {
    return LetterDownloads.pdf(deliveries.letter(id));
  }

  /** Mails a letter that was submitted another way (409 once the tracker mailed it); the appeal with its delivery. */
  @PostMapping("/api/appeals/{id}/send")
  AppealDetail send(@PathVariable long id, Actor actor) {
    deliveries.sendLater(id, actor);
    return appeals.detail(id);
  }

  /** Mails the approved letter again after its delivery failed (409 otherwise); the appeal with the new delivery. */
  @PostMapping("/api/appeals/{id}/resend")
  AppealDetail resend(@PathVariable long id, Actor actor) {
    deliveries.resend(id, actor);
    return appeals.detail(id);
  }
}
