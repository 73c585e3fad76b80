package org.bucn.tracker.appeal;

import org.bucn.tracker.campaign.CampaignService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of one campaign with its appeals, and the page of one appeal with its whole story. */
@Controller
class AppealPageController {

  private final CampaignService campaigns;
  private final AppealService appeals;
  private final AppealTasks tasks;

  AppealPageController(CampaignService campaigns, AppealService appeals, AppealTasks tasks) {
    this.campaigns = campaigns;
    this.appeals = appeals;
    this.tasks = tasks;
  }

  @GetMapping("/campaigns/{id}")
  String campaign(@PathVariable long id, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("appeals", appeals.summariesOfCampaign(id));
    model.addAttribute("stages", AppealStage.values());
    return "campaigns/show";
  }

  @GetMapping("/appeals/{id}")
  String appeal(@PathVariable long id, Model model) {
    model.addAttribute("appeal", appeals.detail(id));
    model.addAttribute("openTasks", tasks.openTasks(id));
    return "appeals/show";
  }
}
