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

  static final List<String> HEADER =
      List.of(
          "campaign",
          "country",
          "office",
          "holder",
          "stage",
          "advocate",
          "channel",
          "reference",
          "submitted",
          "delivery",
          "follow_ups",
          "last_follow_up",
          "response",
          "response_date",
          "response_summary",
          "response_source",
          "sanction_status",
          "sanction_measure",
          "sanction_date",
          "sanction_reference",
          "sanction_source");

  /**
   * Excel reads a CSV as UTF-8 only when it starts with the byte-order mark ("Vučić", not
   * "VuÄiÄ‡").
   */
  static final char BOM = '\uFEFF';

  /** One appeal in the report: everything recorded about it. */
  public record Row(
      String campaign,
      String country,
      String office,
      String holder,
      String stage,
      String advocate,
      String channel,
      String reference,
      LocalDate submitted,
      String delivery,
      int followUps,
      LocalDate lastFollowUp,
      String response,
      LocalDate responseDate,
      String responseSummary,
      String responseSource,
      String sanctionStatus,
      String sanctionMeasure,
      LocalDate sanctionDate,
      String sanctionReference,
      String sanctionSource) {}

  private static final String SELECT =
      """
      SELECT campaign_title AS campaign, country, office, holder_name AS holder, stage, advocate, submission_channel AS channel,
             submission_reference AS reference, submitted_on AS submitted, delivery_status AS delivery, follow_ups,
             last_follow_up_on AS last_follow_up, response_kind AS response, responded_on AS response_date, response_summary,
             response_source, sanction_status, sanction_measure, sanction_decided_on AS sanction_date, sanction_reference, sanction_source
        FROM appeal_report
      """;

  private final JdbcClient jdbc;

  CampaignReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<Row> rows(long campaignId) {
    if (jdbc.sql("SELECT count(*) FROM campaign_directory WHERE id = ?")
            .param(campaignId)
            .query(Long.class)
            .single()
        == 0) {
      throw new NotFoundException("campaign", campaignId);
    }
    return jdbc.sql(SELECT + " WHERE campaign_id = ? ORDER BY country, office")
        .param(campaignId)
        .query(Row.class)
        .list();
  }

  /** Every appeal of every campaign, newest campaign first: the portfolio export. */
  @Transactional(readOnly = true)
  public List<Row> portfolioRows() {
    return jdbc.sql(SELECT + " ORDER BY campaign_id DESC, country, office").query(Row.class).list();
  }

  /**
   * Writes RFC 4180 CSV with this separator (a comma; a semicolon for a spreadsheet whose language
   * writes decimals with a comma, where Excel splits on semicolons); cells that a spreadsheet would
   * run as a formula are defused with a leading quote.
   */
  public void writeCsv(List<Row> rows, Writer out, char separator) throws IOException {
    out.write(BOM);
    out.write(String.join(String.valueOf(separator), HEADER));
    out.write("\r\n");
    for (Row r : rows) {
      List<Object> cells =
          List.of(
              nz(r.campaign()),
              nz(r.country()),
              nz(r.office()),
              nz(r.holder()),
              r.stage(),
              nz(r.advocate()),
              nz(r.channel()),
              nz(r.reference()),
              nz(r.submitted()),
              nz(r.delivery()),
              r.followUps(),
              nz(r.lastFollowUp()),
              nz(r.response()),
              nz(r.responseDate()),
              nz(r.responseSummary()),
              nz(r.responseSource()),
              nz(r.sanctionStatus()),
              nz(r.sanctionMeasure()),
              nz(r.sanctionDate()),
              nz(r.sanctionReference()),
              nz(r.sanctionSource()));
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(separator);
        }
        out.write(cell(String.valueOf(cells.get(i)), separator));
      }
      out.write("\r\n");
    }
  }

  static String cell(String value, char separator) {
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.indexOf(separator) >= 0
        || safe.contains(",")
        || safe.contains("\"")
        || safe.contains("\n")
        || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static Object nz(Object value) {
    return value == null ? "" : value;
  }
}
