package org.bucn.tracker.scorecard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScorecardApiController {

  private final OfficeRecords records;

  ScorecardApiController(OfficeRecords records) {
    this.records = records;
  }

  /**
   * Every appeal ever sent to the office, its figures and its stance over time; {@code holder}
   * reads it for one holder.
   */
  @GetMapping("/api/targets/{id}/record")
  OfficeRecord record(@PathVariable long id, @RequestParam(required = false) String holder) {
    return records.record(id, holder);
  }

  /**
   * Both offices of a country (ISO code, any case) and the sanctions its government adopted or
   * aligned with.
   */
  @GetMapping("/api/countries/{code}")
  CountryRecord country(@PathVariable String code) {
    return records.country(code);
  }
}
