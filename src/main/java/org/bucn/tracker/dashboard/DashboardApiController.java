package org.bucn.tracker.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardApiController {

  private final DashboardService dashboards;
  private final CampaignReport report;

  DashboardApiController(DashboardService dashboards, CampaignReport report) {
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
              "separator", "is comma or semicolon");
    };
  }
}
