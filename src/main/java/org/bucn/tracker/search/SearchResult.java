package org.bucn.tracker.search;

import java.util.List;

/**
 * What a search found, best first; {@code total} counts the matches ranked, {@code items} the first
 * page; {@code more}: more appeals match than were ranked, and {@code total} is a lower bound.
 */
public record SearchResult(List<Item> items, long total, boolean more) {

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
