package org.bucn.tracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the dashboards and the CSV report, without a database. */
class DashboardArithmeticTests {

  @Test
  void csvCellsAreQuotedAndDefused() {
    assertThat(CampaignReport.cell("plain", ',')).isEqualTo("plain");
    assertThat(CampaignReport.cell("a,b", ',')).isEqualTo("\"a,b\"");
    assertThat(CampaignReport.cell("say \"no\"", ',')).isEqualTo("\"say \"\"no\"\"\"");
    assertThat(CampaignReport.cell("=1+1", ',')).isEqualTo("'=1+1");
    assertThat(CampaignReport.cell("@SUM(A1)", ',')).isEqualTo("'@SUM(A1)");
  }

  @Test
  void medianOfAHistogram() {
    assertThat(DashboardService.median(Map.of())).isNull();
    assertThat(DashboardService.median(new java.util.TreeMap<>(Map.of(3, 1L)))).isEqualTo(3.0);
    assertThat(DashboardService.median(new java.util.TreeMap<>(Map.of(2, 1L, 10, 1L))))
        .isEqualTo(6.0);
    assertThat(DashboardService.median(new java.util.TreeMap<>(Map.of(1, 3L, 7, 1L))))
        .isEqualTo(1.0);
    assertThat(DashboardService.median(new java.util.TreeMap<>(Map.of(1, 2L, 7, 2L))))
        .isEqualTo(4.0);
  }

  @Test
  void overdueFollowUpsAreEarlierDaysPlusTodaysPastDue() {
    var snapshot =
        new DashboardRepository.Snapshot(
            "t",
            Map.of(
                "followup_due|2026-11-25",
                3L,
                "followup_due|2026-11-26",
                1L,
                "followup_due|2026-11-27",
                5L,
                "followup_due|2026-11-28",
                2L,
                "stage|DRAFTING",
                9L),
            "2026-11-27",
            1,
            java.util.List.of());
    assertThat(snapshot.overdueFollowUps()).isEqualTo(5);
  }
}
