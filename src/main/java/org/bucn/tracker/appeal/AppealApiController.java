package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AppealApiController {

  private final AppealService appeals;

  AppealApiController(AppealService appeals) {
    this.appeals = appeals;
  }

  @GetMapping("/api/campaigns/{campaignId}/appeals")
  List<AppealSummary> ofCampaign(@PathVariable long campaignId) {
    return appeals.summariesOfCampaign(campaignId);
  }

  @GetMapping("/api/appeals/{id}")
  AppealDetail get(@PathVariable long id) {
    return appeals.detail(id);
  }
}
