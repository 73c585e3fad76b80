package org.bucn.tracker.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The campaign report: one row per appeal, as CSV, as a printable page and as PDF. */
@Service
public class CampaignReport {

  static final List<String> HEADER = List.of(
      "country", "office", "holder", "stage", "submitted", "follow_ups", "response", "response_date",
      "sanction_status", "sanction_measure", "sanction_date");

  /** One appeal in the report. */
  public record Row(
      String country, String office, String holder, String stage, LocalDate submitted, int followUps,
      String response, LocalDate responseDate, String sanctionStatus, String sanctionMeasure, LocalDate sanctionDate) {}

  private final JdbcClient jdbc;

  CampaignReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<Row> rows(long campaignId) {
    if (jdbc.sql("SELECT count(*) FROM campaign_directory WHERE id = ?").param(campaignId).query(Long.class).single() == 0) {
      throw new NotFoundException("campaign", campaignId);
    }
    return jdbc.sql(
            """
            SELECT country, office, holder_name AS holder, stage, submitted_on AS submitted, follow_ups,
                   response_kind AS response, responded_on AS response_date, sanction_status,
                   sanction_measure, sanction_decided_on AS sanction_date
              FROM appeal_overview
             WHERE campaign_id = ?
             ORDER BY country, office
            """)
        .param(campaignId)
        .query(Row.class)
        .list();
  }

  /** Writes RFC 4180 CSV; cells that a spreadsheet would run as a formula are defused with a leading quote. */
  public void writeCsv(List<Row> rows, Writer out) throws IOException {
    out.write(String.join(",", HEADER));
    out.write("\r\n");
    for (Row r : rows) {
      List<Object> cells = List.of(
          nz(r.country()), nz(r.office()), nz(r.holder()), r.stage(), nz(r.submitted()), r.followUps(), nz(r.response()),
          nz(r.responseDate()), nz(r.sanctionStatus()), nz(r.sanctionMeasure()), nz(r.sanctionDate()));
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(String.valueOf(cells.get(i))));
      }
      out.write("\r\n");
    }
  }

  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static Object nz(Object value) {
    return value == null ? "" : value;
  }
}
