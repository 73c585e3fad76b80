package org.bucn.tracker.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bucn.tracker.search.SearchResult.Item;
import org.bucn.tracker.search.SearchResult.Type;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Searches {@code search_index}: every word typed must match the start of a word of the document,
 * accents and case aside ("vucic" finds "Vučić", "milan" finds "Milanović"); ranked by {@code
 * ts_rank}, a page of 20: every office, campaign and evidence that matches, and appeals among the
 * first {@value #APPEALS_RANKED} that match (the answer says when more do). Every role that may log
 * in may read every type found here (the permission table lets all of them read appeals, offices,
 * campaigns and evidence), so nothing is filtered by role; a type a role could not read would be
 * left out of the query here.
 */
@Service
public class SearchService {

  static final int PAGE = 20;

  /** Appeals ranked for one search at most: past these, the answer says there are more. */
  static final int APPEALS_RANKED = 1_000;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int SNIPPET = 180;

  private final JdbcClient jdbc;

  SearchService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public SearchResult search(String q, Type type) {
    List<String> words = words(q);
    if (words.isEmpty()) {
      throw new InvalidFieldException("q", "refusal.search.empty");
    }
    // Folded as the index folds (lower case, no accents), then split again: folding may turn a sign
    // into punctuation ("⑴" into "(1)"), which a tsquery must never see.
    String folded =
        jdbc.sql("SELECT search_fold(?)")
            .param(String.join(" ", words))
            .query(String.class)
            .single();
    List<String> lexemes = words(folded);
    if (lexemes.isEmpty()) {
      throw new InvalidFieldException("q", "refusal.search.noLetters");
    }
    // Countries and offices named in other languages and scripts are in the index itself.
    String query = String.join(" & ", lexemes.stream().map(w -> w + ":*").toList());
    String kind = type == null ? null : type.name();
    // One pass over the matches: the page and how many there are. Offices, campaigns and evidence
    // are ranked all; appeals, a million at scale, among the first APPEALS_RANKED that match: a
    // word that matches more (a country, a president's name) says so, and another word narrows it.
    record Found(Item item, long total, long appeals) {}
    // Planned for these words each time: a word that a tenth of a million appeals share is read
    // fastest by scanning until a thousand are found, a rare one through the index; a plan cached
    // for any words (after five searches) reads every match through the index (95 ms, not 5).
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    List<Found> found =
        jdbc.sql(
                """
            WITH hits AS MATERIALIZED (
              (SELECT kind, ref_id, appeal_id, title, body, document FROM search_index
                WHERE document @@ to_tsquery('simple', :query) AND kind <> 'APPEAL'
                  AND (CAST(:kind AS varchar) IS NULL OR kind = :kind))
              UNION ALL
              (SELECT kind, ref_id, appeal_id, title, body, document FROM search_index
                WHERE document @@ to_tsquery('simple', :query) AND kind = 'APPEAL'
                  AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
                LIMIT :appeals))
            SELECT kind, ref_id, appeal_id, title, body, (SELECT count(*) FROM hits) AS total,
                   (SELECT count(*) FROM hits WHERE kind = 'APPEAL') AS appeals FROM hits
             ORDER BY ts_rank(document, to_tsquery('simple', :query)) DESC, ref_id DESC
             LIMIT :page
            """)
            .param("query", query)
            .param("kind", kind)
            .param("appeals", APPEALS_RANKED + 1)
            .param("page", PAGE)
            .query(
                (rs, n) -> {
                  Type kindFound = Type.valueOf(rs.getString("kind"));
                  long id = rs.getLong("ref_id");
                  return new Found(
                      new Item(
                          kindFound,
                          id,
                          rs.getString("title"),
                          snippet(rs.getString("title") + " — " + rs.getString("body"), words),
                          url(kindFound, id, rs.getLong("appeal_id"))),
                      rs.getLong("total"),
                      rs.getLong("appeals"));
                })
            .list();
    long total = found.isEmpty() ? 0 : found.get(0).total();
    // One appeal past the ranked ones was fetched only to know whether there are more.
    boolean more = !found.isEmpty() && found.get(0).appeals() > APPEALS_RANKED;
    return new SearchResult(
        found.stream().map(Found::item).toList(), more ? total - 1 : total, more);
  }

  static List<String> words(String q) {
    if (q == null) {
      return List.of();
    }
    return WORD.matcher(q).results().map(m -> m.group()).limit(8).toList();
  }

  private static String url(Type type, long id, long appealId) {
    return switch (type) {
      case APPEAL -> "/appeals/" + id;
      case TARGET -> "/targets#target-" + id;
      case CAMPAIGN -> "/campaigns/" + id;
      case EVIDENCE -> "/appeals/" + appealId + "#evidence";
    };
  }

  /**
   * A window of the text around the first word found, HTML-escaped, each word searched for in
   * {@code <mark>}; matched on the folded text, shown as written.
   */
  static String snippet(String text, List<String> words) {
    String folded = fold(text);
    List<String> needles = words.stream().map(SearchService::fold).toList();
    int first = needles.stream().mapToInt(folded::indexOf).filter(i -> i >= 0).min().orElse(0);
    int start = Math.max(0, first - SNIPPET / 3);
    int end = Math.min(text.length(), start + SNIPPET);
    StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
    int i = start;
    while (i < end) {
      int at = i;
      String match =
          needles.stream()
              .filter(n -> !n.isEmpty() && folded.startsWith(n, at))
              .findFirst()
              .orElse(null);
      if (match != null && (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)))) {
        int stop = Math.min(end, at + match.length());
        html.append("<mark>")
            .append(HtmlUtils.htmlEscape(text.substring(at, stop)))
            .append("</mark>");
        i = stop;
      } else {
        html.append(HtmlUtils.htmlEscape(String.valueOf(text.charAt(i))));
        i++;
      }
    }
    return html.append(end < text.length() ? "…" : "").toString().replaceAll("\\s+", " ");
  }

  /**
   * Lower case without accents, one character for one, so positions in the folded text are
   * positions in the text.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      String bare =
          MARKS
              .matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD))
              .replaceAll("")
              .toLowerCase(Locale.ROOT);
      folded.append(bare.length() == 1 ? bare.charAt(0) : Character.toLowerCase(c));
    }
    return folded.toString();
  }

  static Type type(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("type", "refusal.oneOf", Refusal.codes(Type.values()));
    }
  }
}
