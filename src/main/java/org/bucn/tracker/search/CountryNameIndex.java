package org.bucn.tracker.search;

import java.util.ArrayList;
import java.util.List;
import org.bucn.tracker.shared.CountryNames;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every country's name in the network's languages and its neighbours' ("Srbija", "Србија",
 * "Сербія", "Serbi", "Shqipëria", "Северна Македонија") goes into the search index with its offices
 * and appeals, so that a search in any of them finds what the directory writes in English. The
 * names are the JDK's CLDR data; written at each start, where one is new its country's documents
 * are written again.
 */
@Component
class CountryNameIndex {

  private final JdbcClient jdbc;

  CountryNameIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void write() {
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (List<String> pair : CountryNames.all()) {
      codes.add(pair.get(0));
      names.add(pair.get(1));
    }
    List<String> added =
        jdbc.sql(
                """
                WITH added AS (
                  INSERT INTO country_name (country_code, name)
                  SELECT DISTINCT c, n FROM unnest(?::text[], ?::text[]) AS x (c, n)
                  ON CONFLICT DO NOTHING RETURNING country_code)
                SELECT DISTINCT country_code FROM added
                """)
            .params(codes.toArray(String[]::new), names.toArray(String[]::new))
            .query(String.class)
            .list();
    if (!added.isEmpty()) {
      String[] changed = added.toArray(String[]::new);
      jdbc.sql(
              "SELECT count(search_refresh_target(id)) FROM target_directory WHERE country_code = ANY (?)")
          .param(changed)
          .query(Long.class)
          .single();
      jdbc.sql(
              "SELECT search_refresh_appeals(ARRAY(SELECT id FROM appeal_overview WHERE country_code = ANY (?)))")
          .param(changed)
          .query(Integer.class)
          .single();
    }
  }
}
