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

  /**
   * One appeal in the report: everything recorded about it; {@code country} as the directory names
   * it, {@code countryCode} for naming it in the reader's language.
   */
  public record Row(
      String campaign,
      String countryCode,
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
             response_source, sanction_status, sanction_measure, sanction_decided_on AS sanction_date, sanction_reference, sanction_source,
             country_code
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

  /**
   * Writes the report as a spreadsheet: a header row in the reader's language ({@code
   * report.<column>} of the bundles), countries as {@code countryName} names them, stages, answers
   * and outcomes as words, dates as dates and counts as numbers, the header frozen and filtered.
   * Streamed: a large portfolio never sits in memory whole.
   */
  public void writeXlsx(
      List<Row> rows,
      java.io.OutputStream out,
      java.util.function.Function<String, String> words,
      java.util.function.Function<Row, String> countryName)
      throws IOException {
    try (org.apache.poi.xssf.streaming.SXSSFWorkbook book =
        new org.apache.poi.xssf.streaming.SXSSFWorkbook(200)) {
      org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Report");
      org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
      org.apache.poi.ss.usermodel.Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        org.apache.poi.ss.usermodel.Cell cell = header.createCell(i);
        cell.setCellValue(words.apply("report." + HEADER.get(i)));
        cell.setCellStyle(bold);
      }
      int at = 1;
      for (Row r : rows) {
        org.apache.poi.ss.usermodel.Row line = sheet.createRow(at++);
        List<Object> cells =
            java.util.Arrays.asList(
                r.campaign(),
                countryName.apply(r),
                r.office(),
                r.holder(),
                label(r.stage(), words),
                r.advocate(),
                label(r.channel(), words),
                r.reference(),
                r.submitted(),
                r.delivery(),
                r.followUps(),
                r.lastFollowUp(),
                label(r.response(), words),
                r.responseDate(),
                r.responseSummary(),
                r.responseSource(),
                label(r.sanctionStatus(), words),
                r.sanctionMeasure(),
                r.sanctionDate(),
                r.sanctionReference(),
                r.sanctionSource());
        for (int i = 0; i < cells.size(); i++) {
          Object value = cells.get(i);
          org.apache.poi.ss.usermodel.Cell cell = line.createCell(i);
          if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
          } else if (value instanceof Integer count) {
            cell.setCellValue(count);
          } else if (value != null) {
            cell.setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(
          new org.apache.poi.ss.util.CellRangeAddress(
              0, Math.max(0, at - 1), 0, HEADER.size() - 1));
      book.write(out);
    }
  }

  /**
   * A code of the process as the reader's words ({@code label.CLOSED} of the bundles), else as
   * English words.
   */
  private static String label(String code, java.util.function.Function<String, String> words) {
    if (code == null) {
      return null;
    }
    String word = words.apply("label." + code);
    return word == null ? code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : word;
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
