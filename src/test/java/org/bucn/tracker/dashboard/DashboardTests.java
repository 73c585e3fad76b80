package org.bucn.tracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.SanctionStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Dashboard figures against a fixture whose answer is known, and the reports built on them. */
@TrackerTest
class DashboardTests {

  @Autowired CampaignDrill drill;
  @Autowired DashboardService dashboards;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  Campaign campaign;

  static String daysAgo(int days) {
    return LocalDate.now().minusDays(days).toString();
  }

  /**
   * Five appeals in known states: one drafting, three answered after 8, 4 and 6 days, one silent.
   */
  @BeforeEach
  void fiveAppeals() {
    campaign =
        drill.launch(
            Set.of(Demand.CONDEMNATION, Demand.SANCTIONS),
            "P14D",
            3,
            "P30D",
            "AL",
            "BG",
            "HR",
            "RS",
            "GR");
    long bg = drill.appeal(campaign, "BG");
    long hr = drill.appeal(campaign, "HR");
    long rs = drill.appeal(campaign, "RS");
    long gr = drill.appeal(campaign, "GR");
    for (long appeal : List.of(bg, hr, rs, gr)) {
      drill.draftAndApprove(appeal);
    }
    drill.submit(bg, daysAgo(10));
    drill.submit(hr, daysAgo(10));
    drill.submit(rs, daysAgo(10));
    drill.submit(gr, daysAgo(9));
    drill.respond(bg, "CONDEMNED", daysAgo(2));
    drill.complete(
        bg,
        TaskKey.TRACK_SANCTION,
        ADVOCATE,
        Map.of(
            "status", "ALIGNED", "measure", "=HYPERLINK(\"x\"), aligned", "decidedAt", daysAgo(1)));
    drill.respond(hr, "DECLINED", daysAgo(6));
    drill.respond(gr, "ACKNOWLEDGED", daysAgo(3));
    drill.complete(
        gr,
        TaskKey.TRACK_SANCTION,
        ADVOCATE,
        Map.of("status", "PENDING", "measure", "Under discussion"));
  }

  @Test
  void campaignDashboardCountsExactly() {
    Dashboard d = dashboards.campaign(campaign.id());
    assertThat(d.appeals()).isEqualTo(5);
    assertThat(d.stages())
        .containsOnly(
            entry(AppealStage.DRAFTING, 1L), entry(AppealStage.AWAITING_RESPONSE, 1L),
            entry(AppealStage.TRACKING_SANCTIONS, 1L), entry(AppealStage.CLOSED, 2L));
    assertThat(d.responses())
        .containsOnly(
            entry(ResponseKind.CONDEMNED, 1L),
            entry(ResponseKind.DECLINED, 1L),
            entry(ResponseKind.ACKNOWLEDGED, 1L));
    assertThat(d.sanctions())
        .containsOnly(entry(SanctionStatus.ALIGNED, 1L), entry(SanctionStatus.PENDING, 1L));
    assertThat(d.submitted()).isEqualTo(4);
    assertThat(d.responded()).isEqualTo(3);
    assertThat(d.responseRate()).isEqualTo(0.75);
    assertThat(d.medianDaysToResponse()).isEqualTo(6.0);
    assertThat(d.daysToResponse()).containsOnly(entry(4, 1L), entry(6, 1L), entry(8, 1L));
    assertThat(d.overdueFollowUps()).isZero();
    Map<String, String> outcomes =
        d.countries().stream()
            .collect(
                Collectors.toMap(Dashboard.CountryRow::countryCode, Dashboard.CountryRow::outcome));
    assertThat(outcomes)
        .containsOnly(
            entry("AL", "OPEN"),
            entry("BG", "SANCTIONS"),
            entry("HR", "DECLINED"),
            entry("RS", "OPEN"),
            entry("GR", "ACKNOWLEDGED"));
    assertThat(d.countries())
        .extracting(Dashboard.CountryRow::country)
        .containsExactly("Albania", "Bulgaria", "Croatia", "Greece", "Serbia");
  }

  /**
   * The counters the triggers keep agree with the appeals themselves, for this test's own campaign
   * (other tests' campaigns move while this one reads: global counts raced the job executor); and
   * the portfolio is the sum of every campaign's counters, read in one statement, so one snapshot.
   */
  @Test
  void theCountersAgreeWithTheAppealsThemselvesAndThePortfolioIsTheirSum() {
    Dashboard d = dashboards.campaign(campaign.id());
    assertThat(d.appeals())
        .isEqualTo(
            jdbc.sql("SELECT count(*) FROM appeal WHERE campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single());
    Map<AppealStage, Long> byStage =
        jdbc
            .sql("SELECT stage, count(*) FROM appeal WHERE campaign_id = ? GROUP BY stage")
            .param(campaign.id())
            .query((rs, i) -> Map.entry(AppealStage.valueOf(rs.getString(1)), rs.getLong(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(d.stages()).isEqualTo(byStage);
    long responded =
        jdbc.sql(
                """
        SELECT count(*) FROM appeal_response r JOIN appeal a ON a.id = r.appeal_id
         WHERE a.campaign_id = ? AND r.kind <> 'NO_RESPONSE' AND a.stage <> 'WITHDRAWN'
        """)
            .param(campaign.id())
            .query(Long.class)
            .single();
    assertThat(d.responded()).isEqualTo(responded);
    long submitted =
        jdbc.sql(
                "SELECT count(*) FROM appeal_submission s JOIN appeal a ON a.id = s.appeal_id WHERE a.campaign_id = ? AND a.stage <> 'WITHDRAWN'")
            .param(campaign.id())
            .query(Long.class)
            .single();
    assertThat(d.submitted()).isEqualTo(submitted);
    long dueDayBuckets =
        jdbc.sql(
                """
        SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(dashboard_counts_of(?))
         WHERE key LIKE 'followup\\_due|%'
        """)
            .param(campaign.id())
            .query(Long.class)
            .single();
    assertThat(dueDayBuckets)
        .as("open follow-ups by due day")
        .isEqualTo(
            jdbc.sql(
                    "SELECT count(*) FROM work_item WHERE campaign_id = ? AND task_key = 'followUp' AND due_at IS NOT NULL")
                .param(campaign.id())
                .query(Long.class)
                .single());
    Boolean portfolioIsTheSum =
        jdbc.sql(
                """
        SELECT dashboard_counts_of(0) = (SELECT coalesce(sum_counts(dashboard_counts_of(id)), '{}') FROM campaign)
        """)
            .query(Boolean.class)
            .single();
    assertThat(portfolioIsTheSum)
        .as("the portfolio's counters are the sum of the campaigns'")
        .isTrue();
  }

  @Test
  void aWithdrawnAppealCountsInNoResponseRate(
      @Autowired org.bucn.tracker.campaign.CampaignService campaignService) {
    Campaign both = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL", "HR");
    long albania = drill.appeal(both, "AL");
    long croatia = drill.appeal(both, "HR");
    for (long appeal : List.of(albania, croatia)) {
      drill.draftAndApprove(appeal);
      drill.submit(appeal, daysAgo(5));
    }
    drill.respond(albania, "CONDEMNED", daysAgo(1));
    // The answered appeal's end is counted in a job of the campaign's process: closed once that job
    // has run, as a person
    // would close it a moment later (closing during the job is a lost race, 409, which
    // CampaignScaleTests covers).
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                management
                        .createJobQuery()
                        .processInstanceId(drill.campaignProcess(both).getId())
                        .count()
                    == 0);
    campaignService.close(both.id(), CampaignDrill.COORDINATOR);
    Dashboard d = dashboards.campaign(both.id());
    assertThat(d.stages()).containsEntry(AppealStage.WITHDRAWN, 1L);
    assertThat(d.submitted())
        .as("the withdrawn appeal never had its chance to be answered")
        .isEqualTo(1);
    assertThat(d.responseRate()).isEqualTo(1.0);
  }

  @Test
  void anOverdueFollowUpShowsOnTheDashboard() {
    Campaign silent = drill.launch(Set.of(Demand.CONDEMNATION), "PT1S", 3, "P30D", "ME");
    long me = drill.appeal(silent, "ME");
    drill.draftAndApprove(me);
    drill.submit(me, daysAgo(0));
    String followUp = drill.awaitTask(me, TaskKey.FOLLOW_UP).id();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dashboards.campaign(silent.id()).overdueFollowUps() == 1);
    assertThat(dashboards.campaign(silent.id()).overdue())
        .singleElement()
        .satisfies(o -> assertThat(o.taskId()).isEqualTo(followUp))
        .satisfies(o -> assertThat(o.country()).isEqualTo("Montenegro"));
    assertThat(dashboards.portfolio().overdueFollowUps()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void csvReportHasAHeaderAndOneRowPerAppealWithFormulasDefused() throws Exception {
    String csv =
        mvc.perform(
                get("/api/campaigns/{id}/report.csv", campaign.id())
                    .with(httpBasic("manager", "demo")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv).as("UTF-8 byte-order mark, so that Excel shows Vučić").startsWith("\uFEFF");
    List<String> lines = csv.substring(1).lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .isEqualTo(
            "campaign,country,office,holder,stage,advocate,channel,reference,submitted,delivery,follow_ups,"
                + "last_follow_up,response,response_date,response_summary,response_source,sanction_status,sanction_measure,sanction_date,"
                + "sanction_reference,sanction_source");
    String title = CampaignReport.cell(campaign.title(), ',');
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).startsWith(title + ",Bulgaria,President of the Republic,,CLOSED,"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(",CONDEMNED," + daysAgo(2) + ",")
                    .contains(",ALIGNED,\"'=HYPERLINK(\"\"x\"\"), aligned\"," + daysAgo(1)));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        title + ",Croatia,President of the Republic,Zoran Milanović,CLOSED,"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        title + ",Albania,President of the Republic,Bajram Begaj,DRAFTING,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",EMAIL,").contains("Ana Advocate"));

    String portfolio =
        mvc.perform(get("/api/dashboard/report.csv").with(httpBasic("manager", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portfolio)
        .startsWith("\uFEFFcampaign,")
        .contains(title + ",Bulgaria")
        .contains("No recognition of the Kremlin");
  }

  /**
   * The report opens in Excel as a table: the reader's words, real dates and numbers, a frozen,
   * filtered header.
   */
  @Test
  void theSpreadsheetHasTheReadersHeaderTypedDatesAndLabels() throws Exception {
    byte[] xlsx =
        mvc.perform(
                get("/api/campaigns/{id}/report.xlsx", campaign.id())
                    .header("Accept-Language", "uk")
                    .with(httpBasic("manager", "demo")))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Кампанія");
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Етап");
      assertThat(sheet.getPaneInformation().isFreezePane()).as("the header stays in view").isTrue();
      assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as("a filter on every column").isTrue();
      var croatia =
          java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum())
              .mapToObj(sheet::getRow)
              .filter(r -> r.getCell(1).getStringCellValue().equals("Хорватія"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row names Croatia in Ukrainian"));
      assertThat(croatia.getCell(4).getStringCellValue())
          .as("a stage as a word")
          .isEqualTo("закрито");
      assertThat(croatia.getCell(8).getCellType())
          .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(croatia.getCell(8)))
          .isTrue();
      assertThat(croatia.getCell(8).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(java.time.LocalDate.parse(daysAgo(10)));
      assertThat(croatia.getCell(10).getCellType())
          .as("the follow-ups, a number")
          .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(croatia.getCell(12).getStringCellValue())
          .as("the answer, a word")
          .isEqualTo("відмова");
    }
  }

  /** In a Ukrainian or Balkan Excel (list separator ";") every column lands in its own column. */
  @Test
  void theCsvSplitsOnSemicolonsForReadersWhoseDecimalsTakeAComma() throws Exception {
    for (var asked :
        List.of(
            get("/api/campaigns/{id}/report.csv", campaign.id()).param("separator", "semicolon"),
            get("/api/campaigns/{id}/report.csv", campaign.id()).header("Accept-Language", "uk"),
            get("/api/campaigns/{id}/report.csv", campaign.id())
                .header("Accept-Language", "sr-Latn-RS"))) {
      String csv =
          mvc.perform(asked.with(httpBasic("manager", "demo")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      List<String> lines = csv.substring(1).lines().toList();
      assertThat(lines.get(0)).startsWith("campaign;country;office;holder;stage;");
      assertThat(lines.get(0).split(";", -1)).hasSize(21);
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(l.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                      .hasSize(21)
                      .contains("Croatia", "Zoran Milanović", "CLOSED"));
    }
    mvc.perform(
            get("/api/campaigns/{id}/report.csv", campaign.id())
                .param("separator", "tab")
                .with(httpBasic("manager", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("separator")));
  }

  @Test
  void managersCoordinatorsAndAdminsReadDashboardsAdvocatesDoNot() throws Exception {
    for (String path :
        List.of(
            "/api/dashboard",
            "/api/campaigns/" + campaign.id() + "/dashboard",
            "/api/campaigns/" + campaign.id() + "/report.csv")) {
      for (String reader : List.of("manager", "coordinator", "admin")) {
        mvc.perform(get(path).with(httpBasic(reader, "demo"))).andExpect(status().isOk());
      }
      mvc.perform(get(path).with(httpBasic("advocate", "demo")))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    mvc.perform(get("/api/campaigns/987654/dashboard").with(httpBasic("manager", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/campaigns/987654/report.csv").with(httpBasic("manager", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/campaigns/{id}/dashboard", campaign.id()).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.responseRate").value(0.75))
        .andExpect(jsonPath("$.medianDaysToResponse").value(6.0))
        .andExpect(jsonPath("$.countries.length()").value(5));
  }

  @Test
  void dashboardPagesAndTheReportRenderAndThePdfHoldsTheReport() throws Exception {
    var manager = user("manager").roles("MANAGER");
    mvc.perform(get("/dashboard").with(manager))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("Dashboard: all campaigns")));
    mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("tile tile-SANCTIONS")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("75%")));
    mvc.perform(get("/campaigns/{id}/report", campaign.id()).with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Zoran Milanović")));
    mvc.perform(
            get("/campaigns/{id}/dashboard", campaign.id())
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isForbidden());

    byte[] pdf =
        mvc.perform(get("/campaigns/{id}/report.pdf", campaign.id()).with(manager))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(campaign.title())
          .contains("Croatia")
          .contains("Zoran Milanović")
          .contains("Bulgaria")
          .contains("75%");
    }
  }
}
