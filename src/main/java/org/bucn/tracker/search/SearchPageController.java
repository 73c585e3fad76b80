package org.bucn.tracker.search;

import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results of the header's search box. */
@PageController
class SearchPageController {

  private final SearchService search;
  private final Texts texts;

  SearchPageController(SearchService search, Texts texts) {
    this.search = search;
    this.texts = texts;
  }

  @GetMapping("/search")
  String results(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String type,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("type", type == null ? "" : type);
    model.addAttribute("types", SearchResult.Type.values());
    try {
      model.addAttribute("result", search.search(q, SearchService.type(type)));
    } catch (InvalidFieldException e) {
      model.addAttribute("problem", e.field() + " " + texts.of(e));
    }
    return "search";
  }
}
