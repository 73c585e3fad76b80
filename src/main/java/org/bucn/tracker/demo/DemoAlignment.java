package org.bucn.tracker.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.alignment.ActRequest;
import org.bucn.tracker.alignment.CfspAlignments;
import org.bucn.tracker.alignment.PublishedRate;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.springframework.stereotype.Component;

/**
 * Real EU acts on Russia's war against Ukraine, by their official references and dates, and only
 * the alignments the European Commission's reports state plainly: Serbia did not align with the
 * EU's restrictive measures against Russia. Other countries' alignments are left for coordinators
 * to record from the acts' own alignment declarations: the demo invents none. Yearly rates as
 * published, each from a page that states it: ISAC Fund's reviews of Serbia's alignment (2021,
 * 2022, and as the press reported them 2019, 2023 and the first half of 2024, the last two with the
 * other candidates' rates). None from the Commission's reports: their figures could not be checked
 * here against the reports' own text.
 */
@Component
class DemoAlignment {

  private static final Actor COORDINATOR = new Actor("coordinator", Set.of(Role.COORDINATOR));
  private static final String SERBIA_2022 =
      "European Commission, Serbia 2022 Report: Serbia did not align with the EU's restrictive measures against Russia";

  private final CfspAlignments alignments;

  DemoAlignment(CfspAlignments alignments) {
    this.alignments = alignments;
  }

  void seedOnce() {
    if (alignments.acts().isEmpty()) {
      seedActs();
    }
    if (alignments.country("RS").published().isEmpty()) {
      seedPublishedRates();
    }
  }

  private void seedActs() {
    alignments.record(
        new ActRequest(
            "Council Decision 2014/145/CFSP",
            LocalDate.parse("2014-03-17"),
            "Restrictive measures in respect of actions undermining or threatening the territorial integrity, sovereignty and independence of Ukraine",
            null,
            "Russia's war against Ukraine"),
        COORDINATOR);
    alignments.record(
        new ActRequest(
            "Council Decision 2014/386/CFSP",
            LocalDate.parse("2014-06-23"),
            "Restrictions on goods originating in Crimea or Sevastopol, in response to the illegal annexation of Crimea and Sevastopol",
            null,
            "Illegal annexation of Crimea"),
        COORDINATOR);
    alignments.importCsv(
        """
        reference,date,title,url,topic,country,aligned,source
        Council Decision 2014/512/CFSP,2014-07-31,"Restrictive measures in view of Russia's actions destabilising the situation in Ukraine",,Russia's war against Ukraine,RS,false,"%s"
        Council Decision (CFSP) 2022/266,2022-02-23,"Restrictive measures in response to the illegal recognition, occupation or annexation by the Russian Federation of certain non-government controlled areas of Ukraine",,Russia's war against Ukraine,RS,false,"%s"
        """
            .formatted(SERBIA_2022, SERBIA_2022),
        COORDINATOR);
  }

  /** Only figures whose publication can be cited at an address that states them. */
  private void seedPublishedRates() {
    String isac =
        "ISAC Fund, An analysis of Serbia's alignment with the EU's foreign policy declarations and measures: annual report for 2022";
    String isacUrl =
        "https://www.isac-fund.org/en/programmes/cfsp-chapter-31/"
            + "an-analysis-of-serbias-alignment-with-the-european-unions-foreign-policy-declarations-and-measures-annual-report-for-2022";
    alignments.recordPublishedRate(
        new PublishedRate(
            "RS",
            2022,
            new BigDecimal("48"),
            isac,
            isacUrl,
            "Calendar year 2022: aligned with 65 of the 136 declarations candidates were invited to join"),
        COORDINATOR);
    alignments.recordPublishedRate(
        new PublishedRate(
            "RS",
            2021,
            new BigDecimal("62"),
            isac,
            isacUrl,
            "Calendar year 2021, as the 2022 report gives it"),
        COORDINATOR);

    String geopost = "ISAC Fund's analysis for January–June 2024, as reported by The Geopost";
    String geopostUrl =
        "https://thegeopost.com/en/news/serbia-once-again-fails-to-align-its-foreign-policy-with-the-eu/";
    alignments.recordPublishedRate(
        new PublishedRate(
            "RS",
            2023,
            new BigDecimal("54"),
            geopost,
            geopostUrl,
            "Calendar year 2023, as the analysis gives it"),
        COORDINATOR);
    alignments.recordPublishedRate(
        new PublishedRate(
            "RS",
            2024,
            new BigDecimal("47"),
            geopost,
            geopostUrl,
            "January–June 2024 only: aligned with 27 of 57 declarations"),
        COORDINATOR);
    for (String country : List.of("AL", "BA", "ME", "MK")) {
      alignments.recordPublishedRate(
          new PublishedRate(
              country, 2024, new BigDecimal("100"), geopost, geopostUrl, "January–June 2024 only"),
          COORDINATOR);
    }

    String euractiv = "ISAC Fund's yearly analysis for 2019, as reported by Euractiv";
    String euractivUrl =
        "https://www.euractiv.com/section/all/short_news/belgrade-serbia-lags-behind-in-harmonising-its-foreign-policy-with-the-eu/";
    Map.of("RS", "57", "AL", "100", "ME", "99", "MK", "88", "BA", "59")
        .forEach(
            (country, percent) ->
                alignments.recordPublishedRate(
                    new PublishedRate(
                        country,
                        2019,
                        new BigDecimal(percent),
                        euractiv,
                        euractivUrl,
                        country.equals("RS")
                            ? "Calendar year 2019: aligned with 52 of 91 declarations"
                            : "Calendar year 2019"),
                    COORDINATOR));
  }
}
