package org.bucn.tracker.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bucn.tracker.infrastructure.web.Formats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardApiController {

  private final DashboardService dashboards;
  private final CampaignReport report;
  private final org.springframework.context.MessageSource messages;
  private final Formats formats;

  DashboardApiController(
      DashboardService dashboards,
      CampaignReport report,
      org.springframework.context.MessageSource messages,
      Formats formats) {
    this.messages = messages;
    this.formats = formats;
    this.dashboards = dashboards;
    this.report = report;
  }

  @GetMapping("/api/dashboard")
  Dashboard portfolio() {
    return dashboards.portfolio();
  }

  @GetMapping("/api/campaigns/{id}/dashboard")
  Dashboard campaign(@PathVariable long id) {
    return dashboards.campaign(id);
  }

  /** Every appeal of every campaign, one row each. */
  @GetMapping("/api/dashboard/report.csv")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "CSV, UTF-8 with a byte-order mark",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = "text/csv",
              schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
  void portfolioCsv(@RequestParam(required = false) String separator, HttpServletResponse response)
      throws IOException {
    char splitOn = separator(separator);
    var rows = report.portfolioRows();
    response.setContentType("text/csv;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"portfolio-report.csv\"");
    report.writeCsv(rows, response.getWriter(), splitOn);
  }

  @GetMapping("/api/campaigns/{id}/report.csv")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "CSV, UTF-8 with a byte-order mark",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = "text/csv",
              schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
  void csv(
      @PathVariable long id,
      @RequestParam(required = false) String separator,
      HttpServletResponse response)
      throws IOException {
    char splitOn = separator(separator);
    var rows = report.rows(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"campaign-" + id + "-report.csv\"");
    report.writeCsv(rows, response.getWriter(), splitOn);
  }

  /** Every appeal of every campaign as a spreadsheet, in the reader's language. */
  @GetMapping("/api/dashboard/report.xlsx")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "Spreadsheet (XLSX): header in the reader's language, typed dates",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = XLSX,
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
  void portfolioXlsx(HttpServletResponse response) throws IOException {
    xlsx(report.portfolioRows(), "portfolio-report.xlsx", response);
  }

  @GetMapping("/api/campaigns/{id}/report.xlsx")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "Spreadsheet (XLSX): header in the reader's language, typed dates",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = XLSX,
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
  void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
    xlsx(report.rows(id), "campaign-" + id + "-report.xlsx", response);
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private void xlsx(List<CampaignReport.Row> rows, String name, HttpServletResponse response)
      throws IOException {
    java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    response.setContentType(XLSX);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    report.writeXlsx(
        rows,
        response.getOutputStream(),
        key -> messages.getMessage(key, null, null, reader),
        r -> formats.country(r.countryCode(), r.country(), reader));
  }

  /**
   * {@code ?separator=comma} or {@code semicolon}; without it, a semicolon for a reader whose
   * language writes decimals with a comma (Ukrainian, the Balkan languages: their Excel splits on
   * semicolons), a comma otherwise.
   */
  static char separator(String asked) {
    if (asked == null || asked.isBlank()) {
      return java.text.DecimalFormatSymbols.getInstance(
                      org.springframework.context.i18n.LocaleContextHolder.getLocale())
                  .getDecimalSeparator()
              == ','
          ? ';'
          : ',';
    }
    return switch (asked.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "comma" -> ',';
      case "semicolon" -> ';';
      default ->
          throw new org.bucn.tracker.shared.InvalidFieldException(
              "separator", "refusal.csv.separator");
    };
  }
}
