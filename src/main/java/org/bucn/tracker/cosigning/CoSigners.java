package org.bucn.tracker.cosigning;

import java.util.List;

/**
 * Who co-signs a campaign's letters, as the letters print them: organisations (each once, however
 * many of its people signed) by country, then individuals by name, then {@code unnamed} individuals
 * who asked, after signing, not to be named.
 */
public record CoSigners(List<Organisation> organisations, List<Person> individuals, int unnamed) {

  public record Organisation(String name, String countryCode) {}

  public record Person(String name, String title) {}

  public int individualCount() {
    return individuals.size() + unnamed;
  }

  public boolean isEmpty() {
    return organisations.isEmpty() && individualCount() == 0;
  }
}
