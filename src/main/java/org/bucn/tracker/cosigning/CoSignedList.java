package org.bucn.tracker.cosigning;

import java.util.ArrayList;
import java.util.List;

/**
 * The co-signatories as a letter prints them, in its language: the heading with the counts, the
 * organisations grouped by country (countries and names in the language's alphabetical order), then
 * the individuals in that order, each who asked not to be named last.
 */
public record CoSignedList(String heading, List<Country> organisations, List<Person> individuals) {

  /** One country's organisations; {@code name} is empty for those who gave no country. */
  public record Country(String name, List<String> organisations) {

    /** "Forum A; Forum B". */
    public String names() {
      return String.join("; ", organisations);
    }

    /** "Albania: Forum A; Forum B", or the names alone when there is no country. */
    public String line() {
      return name.isEmpty() ? names() : name + ": " + names();
    }
  }

  /** An individual as printed: the name, and the title when they gave one. */
  public record Person(String name, String title) {

    /** "Name, Title". */
    public String line() {
      return title == null ? name : name + ", " + title;
    }
  }

  /**
   * The lines of the mailed text: the heading, a line per country, a line per individual (the
   * printed letter runs them on, so that three hundred names take pages, not a pamphlet).
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    organisations.forEach(c -> lines.add(c.line()));
    individuals.forEach(p -> lines.add(p.line()));
    return lines;
  }
}
