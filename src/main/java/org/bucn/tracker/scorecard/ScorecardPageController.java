package org.bucn.tracker.scorecard;

import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.target.Interaction;
import org.bucn.tracker.target.OfficeInteractions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@PageController
class ScorecardPageController {

  private final OfficeRecords records;
  private final OfficeInteractions interactions;

  ScorecardPageController(OfficeRecords records, OfficeInteractions interactions) {
    this.records = records;
    this.interactions = interactions;
  }

  @GetMapping("/targets/{id}")
  String office(@PathVariable long id, @RequestParam(required = false) String holder, Model model) {
    model.addAttribute("record", records.record(id, holder));
    // The office's conversations outside any campaign: the network's memory of it.
    model.addAttribute("interactions", interactions.of(id));
    model.addAttribute("interactionKinds", Interaction.Kind.values());
    return "scorecard/office";
  }

  @GetMapping("/countries/{code}")
  String country(@PathVariable String code, Model model) {
    model.addAttribute("country", records.country(code));
    return "scorecard/country";
  }
}
