package org.bucn.tracker.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * published: Serbia's for 2021 and 2022 from ISAC Fund's annual review, whose page states them.
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
    alignments.record(new ActRequest("Council Decision 2014/145/CFSP", LocalDate.parse("2014-03-17"),
        "Restrictive measures in respect of actions undermining or threatening the territorial integrity, sovereignty and independence of Ukraine",
        null, "Russia's war against Ukraine"), COORDINATOR);
    alignments.record(new ActRequest("Council Decision 2014/386/CFSP", LocalDate.parse("2014-06-23"),
        "Restrictions on goods originating in Crimea or Sevastopol, in response to the illegal annexation of Crimea and Sevastopol",
        null, "Illegal annexation of Crimea"), COORDINATOR);
    alignments.importCsv("""
        reference,date,title,url,topic,country,aligned,source
        Council Decision 2014/512/CFSP,2014-07-31,"Restrictive measures in view of Russia's actions destabilising the situation in Ukraine",,Russia's war against Ukraine,RS,false,"%s"
        Council Decision (CFSP) 2022/266,2022-02-23,"Restrictive measures in response to the illegal recognition, occupation or annexation by the Russian Federation of certain non-government controlled areas of Ukraine",,Russia's war against Ukraine,RS,false,"%s"
        """.formatted(SERBIA_2022, SERBIA_2022), COORDINATOR);
  }

  /** Only figures whose publication can be cited at an address that states them. */
  private void seedPublishedRates() {
    String isac = "ISAC Fund, An analysis of Serbia's alignment with the EU's foreign policy declarations and measures: annual report for 2022";
    String isacUrl = "https://www.isac-fund.org/en/programmes/cfsp-chapter-31/"
        + "an-analysis-of-serbias-alignment-with-the-european-unions-foreign-policy-declarations-and-measures-annual-report-for-2022";
    alignments.recordPublishedRate(new PublishedRate("RS", 2022, new BigDecimal("48"), isac, isacUrl,
        "Calendar year 2022: aligned with 65 of the 136 declarations candidates were invited to join"), COORDINATOR);
    alignments.recordPublishedRate(new PublishedRate("RS", 2021, new BigDecimal("62"), isac, isacUrl,
        "Calendar year 2021, as the 2022 report gives it"), COORDINATOR);
  }
}
