package org.bucn.tracker.scorecard;

import org.bucn.tracker.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@PageController
class ScorecardPageController {

  private final OfficeRecords records;

  ScorecardPageController(OfficeRecords records) {
    this.records = records;
  }

  @GetMapping("/targets/{id}")
  String office(@PathVariable long id, @RequestParam(required = false) String holder, Model model) {
    model.addAttribute("record", records.record(id, holder));
    return "scorecard/office";
  }

  @GetMapping("/countries/{code}")
  String country(@PathVariable String code, Model model) {
    model.addAttribute("country", records.country(code));
    return "scorecard/country";
  }
}
