package org.bucn.tracker.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.SanctionStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.infrastructure.web.PdfRenderer;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The portfolio and campaign dashboards, the printable campaign report and its PDF. */
@PageController
class DashboardPageController {

  private final DashboardService dashboards;
  private final CampaignService campaigns;
  private final CampaignReport report;
  private final PdfRenderer pdf;
  private final ObjectMapper json;

  private final org.bucn.tracker.alignment.CfspAlignments alignments;
  private final Texts texts;

  DashboardPageController(
      DashboardService dashboards,
      CampaignService campaigns,
      CampaignReport report,
      PdfRenderer pdf,
      ObjectMapper json,
      org.bucn.tracker.alignment.CfspAlignments alignments,
      Texts texts) {
    this.texts = texts;
    this.alignments = alignments;
    this.dashboards = dashboards;
    this.campaigns = campaigns;
    this.report = report;
    this.pdf = pdf;
    this.json = json;
  }

  @GetMapping("/dashboard")
  String portfolio(Model model) throws JsonProcessingException {
    var all = campaigns.findAll();
    model.addAttribute("campaigns", all);
    // The picker starts at the newest active campaign (the list is newest first).
    model.addAttribute(
        "newestActive",
        all.stream()
            .filter(c -> c.status() == org.bucn.tracker.campaign.CampaignStatus.ACTIVE)
            .map(org.bucn.tracker.campaign.Campaign::id)
            .findFirst()
            .orElse(null));
    model.addAttribute("alignment", alignments.byCountry());
    return page(dashboards.portfolio(), dashboards.waitingAtTasks(null), model);
  }

  @GetMapping("/dashboard/campaign")
  String pick(@org.springframework.web.bind.annotation.RequestParam long id) {
    return "redirect:/campaigns/" + id + "/dashboard";
  }

  @GetMapping("/campaigns/{id}/dashboard")
  String campaign(@PathVariable long id, Model model) throws JsonProcessingException {
    model.addAttribute("campaign", campaigns.get(id));
    return page(dashboards.campaign(id), dashboards.waitingAtTasks(id), model);
  }

  @GetMapping("/campaigns/{id}/report")
  String printable(@PathVariable long id, Model model) {
    fillReport(id, model);
    model.addAttribute("printable", true);
    return "dashboard/report";
  }

  @GetMapping("/campaigns/{id}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    Model model = new org.springframework.ui.ExtendedModelMap();
    fillReport(id, model);
    model.addAttribute("printable", false);
    byte[] bytes = pdf.render("dashboard/report", model.asMap());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("campaign-" + id + "-report.pdf")
                .build()
                .toString())
        .body(bytes);
  }

  /** The appeal process itself, for the diagram on the dashboards. */
  @GetMapping(value = "/processes/appeal.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String appealDiagram() throws IOException {
    try (InputStream in = new ClassPathResource("bpmn/appeal.bpmn").getInputStream()) {
      return inReadersWords(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static final Pattern NAMED =
      Pattern.compile("(\\bid=\"([^\"]+)\"[^>]*?\\bname=\")([^\"]*)(\")");

  /**
   * The model with its elements' names in the reader's language: a task by its key ({@code
   * task.draftAppeal}), anything else by its id ({@code bpmn.Gateway_ReviewDecision}).
   */
  private String inReadersWords(String model) {
    return NAMED
        .matcher(model)
        .replaceAll(
            named -> {
              String id = named.group(2);
              String name =
                  TaskKey.fromElementId(id)
                      .map(key -> texts.task(key.key()))
                      .orElseGet(() -> texts.orElse("bpmn." + id, named.group(3)));
              return Matcher.quoteReplacement(
                  named.group(1) + HtmlUtils.htmlEscape(name) + named.group(4));
            });
  }

  /** The words the charts show: stages, answers and outcomes, and the ranges of days. */
  private Map<String, Object> chartWords() {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (Enum<?>[] constants :
        List.of(AppealStage.values(), ResponseKind.values(), SanctionStatus.values())) {
      for (Enum<?> constant : constants) {
        labels.put(constant.name(), texts.label(constant));
      }
    }
    return Map.of(
        "labels",
        labels,
        "ranges",
        List.of(
            texts.of("dashboard.range.week"),
            texts.of("dashboard.range.fortnight"),
            texts.of("dashboard.range.month"),
            texts.of("dashboard.range.longer")));
  }

  private void fillReport(long id, Model model) {
    Campaign campaign = campaigns.get(id);
    model.addAttribute("campaign", campaign);
    model.addAttribute("dashboard", dashboards.campaign(id));
    model.addAttribute("rows", report.rows(id));
  }

  private String page(Dashboard dashboard, Map<String, Long> waiting, Model model)
      throws JsonProcessingException {
    model.addAttribute("dashboard", dashboard);
    model.addAttribute(
        "chartData",
        json.writeValueAsString(
            Map.of("dashboard", dashboard, "waiting", waiting, "words", chartWords())));
    model.addAttribute("tiles", BalkanTiles.TILES);
    model.addAttribute(
        "outcomes",
        dashboard.countries().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Dashboard.CountryRow::countryCode, Dashboard.CountryRow::outcome)));
    return "dashboard/show";
  }
}
