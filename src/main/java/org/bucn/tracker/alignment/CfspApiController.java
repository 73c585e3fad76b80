package org.bucn.tracker.alignment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.user.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class CfspApiController {

  record AlignmentRequest(Boolean aligned, String source) {}

  private final CfspAlignments alignments;

  CfspApiController(CfspAlignments alignments) {
    this.alignments = alignments;
  }

  @GetMapping("/api/cfsp")
  List<CfspAct> acts() {
    return alignments.acts();
  }

  /**
   * A Council decision or High Representative declaration candidate countries are invited to align
   * with.
   */
  @PostMapping("/api/cfsp")
  @ResponseStatus(HttpStatus.CREATED)
  CfspAct record(@RequestBody ActRequest act, Actor actor) {
    return alignments.record(act, actor);
  }

  @PutMapping("/api/cfsp/{id}/alignment/{countryCode}")
  CfspAct align(
      @PathVariable long id,
      @PathVariable String countryCode,
      @RequestBody AlignmentRequest request,
      Actor actor) {
    return alignments.align(id, countryCode, request.aligned(), request.source(), actor);
  }

  /**
   * CSV, one row per act × country (reference,date,title,url,topic,country,aligned,source): all
   * lines, or none and every error.
   */
  @PostMapping(value = "/api/cfsp/import", consumes = "text/csv")
  Map<String, Integer> importCsv(@RequestBody String csv, Actor actor) {
    return Map.of("alignments", alignments.importCsv(csv, actor));
  }

  @PostMapping(value = "/api/cfsp/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Integer> importFile(@RequestPart("file") MultipartFile file, Actor actor)
      throws IOException {
    return Map.of(
        "alignments",
        alignments.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), actor));
  }

  /**
   * A country's yearly alignment rate as a publisher published it, with its address; answers the
   * country's published rates, newest year first.
   */
  @PostMapping("/api/cfsp/published-rates")
  List<PublishedRate> recordPublishedRate(@RequestBody PublishedRate rate, Actor actor) {
    return alignments.recordPublishedRate(rate, actor);
  }

  /**
   * A DRAFT campaign to the country's offices asking it to align with the act; only where it is
   * recorded as not aligned.
   */
  @PostMapping("/api/cfsp/{id}/alignment/{countryCode}/appeal")
  @ResponseStatus(HttpStatus.CREATED)
  Campaign appeal(@PathVariable long id, @PathVariable String countryCode, Actor actor) {
    return alignments.appealNonAlignment(id, countryCode, actor);
  }
}
