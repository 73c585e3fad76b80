package org.bucn.tracker.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

  private final SearchService search;

  SearchController(SearchService search) {
    this.search = search;
  }

  /**
   * {@code q}: words, each matching the start of a word, accents and case aside; {@code type}:
   * APPEAL, TARGET, CAMPAIGN or EVIDENCE.
   */
  @GetMapping("/api/search")
  SearchResult search(
      @RequestParam(required = false) String q, @RequestParam(required = false) String type) {
    return search.search(q, SearchService.type(type));
  }
}
