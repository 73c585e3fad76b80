package org.bucn.tracker.opendata;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FollowTheMoney export as newline-delimited JSON, one entity per line (what {@code ftm} and
 * Aleph read).
 */
@RestController
class OpenDataApiController {

  static final String NDJSON = "application/x-ndjson";

  private final FollowTheMoney ftm;

  OpenDataApiController(FollowTheMoney ftm) {
    this.ftm = ftm;
  }

  /** Every office, holder and recorded sanction. */
  @GetMapping(value = "/api/export/ftm", produces = NDJSON)
  String all() {
    return ftm.ndjson(ftm.all());
  }

  /** One campaign's offices, holders and sanctions. */
  @GetMapping(value = "/api/campaigns/{id}/export/ftm", produces = NDJSON)
  String campaign(@PathVariable long id) {
    return ftm.ndjson(ftm.campaign(id));
  }
}
