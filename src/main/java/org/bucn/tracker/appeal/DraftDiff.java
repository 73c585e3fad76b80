package org.bucn.tracker.appeal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bucn.tracker.appeal.AppealViews.Draft;
import org.bucn.tracker.target.LanguageTags;

/**
 * What changed between two drafts, word by word (java-diff-utils' Myers diff over words and the
 * spaces between them), as segments a page prints as they are: no markup is built from text.
 */
public final class DraftDiff {

  private DraftDiff() {}

  public enum Kind {
    SAME,
    INSERTED,
    DELETED
  }

  public record Segment(Kind kind, String text) {}

  /**
   * The latest draft against the one before it (for draft 2, the campaign letter it started from);
   * empty for a first draft.
   */
  public static List<Segment> ofLatest(List<Draft> drafts) {
    if (drafts.size() < 2) {
      return List.of();
    }
    return between(drafts.get(drafts.size() - 2).text(), drafts.get(drafts.size() - 1).text());
  }

  public static List<Segment> between(String before, String after) {
    List<String> old = words(before);
    List<String> now = words(after);
    Patch<String> patch = DiffUtils.diff(old, now);
    List<Segment> segments = new ArrayList<>();
    int position = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      add(segments, Kind.SAME, old.subList(position, delta.getSource().getPosition()));
      add(segments, Kind.DELETED, delta.getSource().getLines());
      add(segments, Kind.INSERTED, delta.getTarget().getLines());
      position = delta.getSource().getPosition() + delta.getSource().size();
    }
    add(segments, Kind.SAME, old.subList(position, old.size()));
    return segments;
  }

  /**
   * Whether the draft's language is one the office takes (either may be the more specific: sr and
   * sr-Latn fit).
   */
  public static boolean languageFits(String draftLanguage, List<String> officeLanguages) {
    if (draftLanguage == null) {
      return true;
    }
    return LanguageTags.bestOf(List.of(draftLanguage), officeLanguages).isPresent()
        || officeLanguages.stream()
            .anyMatch(
                office -> LanguageTags.bestOf(List.of(office), List.of(draftLanguage)).isPresent());
  }

  private static List<String> words(String text) {
    return text == null || text.isEmpty()
        ? List.of()
        : Arrays.asList(text.split("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)"));
  }

  private static void add(List<Segment> segments, Kind kind, List<String> words) {
    if (words.isEmpty()) {
      return;
    }
    String text = String.join("", words);
    if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
      Segment last = segments.remove(segments.size() - 1);
      text = last.text() + text;
    }
    segments.add(new Segment(kind, text));
  }
}
