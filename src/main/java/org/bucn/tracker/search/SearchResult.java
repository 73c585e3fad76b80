package org.bucn.tracker.search;

import java.util.List;

/**
 * What a search found, best first; {@code total} counts every match, {@code items} the first page.
 */
public record SearchResult(List<Item> items, long total) {

  public enum Type {
    APPEAL,
    TARGET,
    CAMPAIGN,
    EVIDENCE
  }

  /**
   * {@code snippet} is HTML: the matched text escaped, the words searched for in {@code <mark>}.
   */
  public record Item(Type type, long id, String title, String snippet, String url) {}
}
