package org.bucn.tracker.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One search box: accents and case aside, ranked, highlighted, across offices, campaigns, appeals
 * and evidence.
 */
@TrackerTest
class SearchTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void vucicFindsTheSerbianPresidentsOfficeAndTheAppealsToHim() throws Exception {
    for (String user : List.of("coordinator", "advocate", "manager", "admin")) {
      mvc.perform(get("/api/search").param("q", "vucic").with(httpBasic(user, "demo")))
          .andExpect(status().isOk())
          .andExpect(
              jsonPath("$.items[?(@.type == 'TARGET')].title")
                  .value(Matchers.hasItem("President of the Republic, Serbia")))
          .andExpect(
              jsonPath("$.items[?(@.type == 'APPEAL')].title")
                  .value(
                      Matchers.hasItem(Matchers.startsWith("President of the Republic, Serbia"))))
          .andExpect(
              jsonPath("$.items[0].snippet").value(Matchers.containsString("<mark>Vučić</mark>")));
    }
    mvc.perform(
            get("/api/search")
                .param("q", "MILANOVIC")
                .param("type", "target")
                .with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.items[*].type").value(Matchers.everyItem(Matchers.is("TARGET"))))
        .andExpect(jsonPath("$.items[0].title").value("President of the Republic, Croatia"))
        .andExpect(jsonPath("$.items[0].url").value(Matchers.startsWith("/targets#target-")));
  }

  /**
   * Serbian and Ukrainian are written in two scripts: either finds the other; a country named in
   * any of the network's languages finds its offices.
   */
  @Test
  void cyrillicFindsLatinAndLatinFindsCyrillic() throws Exception {
    mvc.perform(get("/api/search").param("q", "Вучић").with(httpBasic("advocate", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[?(@.type == 'TARGET')].title")
                .value(Matchers.hasItem("President of the Republic, Serbia")));
    for (String serbia : List.of("Srbija", "Србија", "Сербія", "srbija")) {
      mvc.perform(
              get("/api/search")
                  .param("q", serbia)
                  .param("type", "TARGET")
                  .with(httpBasic("advocate", "demo")))
          .andExpect(
              jsonPath("$.items[*].title")
                  .value(Matchers.hasItem("President of the Republic, Serbia")));
    }
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "RS");
    long appeal = drill.appeal(campaign, "RS");
    String number = String.valueOf(System.nanoTime());
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of(
            "text",
            "Уважени председниче, Србија не признаје лажне изборе. Жирафа" + number,
            "language",
            "sr-Cyrl"));
    await()
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/search")
                            .param("q", "zirafa" + number)
                            .with(httpBasic("advocate", "demo")))
                    .andExpect(jsonPath("$.total").value(1)));
    for (String asked : List.of("zirafa" + number, "Žirafa" + number, "жирафа" + number)) {
      mvc.perform(get("/api/search").param("q", asked).with(httpBasic("advocate", "demo")))
          .andExpect(jsonPath("$.total").value(1))
          .andExpect(jsonPath("$.items[0].url").value("/appeals/" + appeal));
    }
    mvc.perform(
            get("/api/search")
                .param("q", "Srbija priznaje " + "zirafa" + number)
                .with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$.total").value(1));
    // The appeal is found by its country's name in another script, which its text need not say.
    mvc.perform(
            get("/api/search")
                .param("q", "Сербія " + "zirafa" + number)
                .with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$.items[0].url").value("/appeals/" + appeal));
  }

  @Test
  void countriesAreFoundByTheirOwnNamesAndOfficesByTheirTitlesInTheirLanguages() throws Exception {
    Map<String, String> asked =
        Map.of(
            "Shqipëria", "President of the Republic, Albania",
            "Hrvatska", "President of the Republic, Croatia",
            "Северна Македонија", "President, North Macedonia",
            "Црна Гора", "President, Montenegro",
            "Kosova", "President, Kosovo",
            "Предсједништво", "Presidency of Bosnia and Herzegovina, Bosnia and Herzegovina",
            "Predsjednistvo", "Presidency of Bosnia and Herzegovina, Bosnia and Herzegovina");
    for (var name : asked.entrySet()) {
      mvc.perform(
              get("/api/search")
                  .param("q", name.getKey())
                  .param("type", "TARGET")
                  .with(httpBasic("advocate", "demo")))
          .andExpect(jsonPath("$.items[*].title").value(Matchers.hasItem(name.getValue())));
    }
  }

  /**
   * A launch queues its appeals for the index (changelog 049) rather than indexing them in the
   * coordinator's transaction; they are found by their office and campaign within seconds, each row
   * what search_refresh_appeal writes for it.
   */
  @Test
  void aLaunchsAppealsAreFoundOnceIndexedFromTheQueue() throws Exception {
    var campaign =
        drill.launch(
            java.util.Set.of(org.bucn.tracker.campaign.Demand.CONDEMNATION),
            "P14D",
            3,
            "P30D",
            "RS",
            "AL");
    for (String country : List.of("RS", "AL")) {
      long appeal = drill.appeal(campaign, country);
      await().until(() -> queued(appeal) == 0 && !indexed(appeal).isEmpty());
    }
    await()
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/search")
                            .param("q", campaign.title())
                            .param("type", "APPEAL")
                            .with(httpBasic("advocate", "demo")))
                    .andExpect(jsonPath("$.total").value(2)));
    long appeal = drill.appeal(campaign, "RS");
    List<String> queued = indexed(appeal);
    jdbc.sql("SELECT search_refresh_appeal(?)").param(appeal).query().singleRow();
    assertThat(indexed(appeal)).as("as search_refresh_appeal writes it").isEqualTo(queued);
  }

  /** The appeal's search title, then the words of its body, sorted (names aggregate unordered). */
  private List<String> indexed(long appeal) {
    return jdbc
        .sql("SELECT title, body FROM search_index WHERE kind = 'APPEAL' AND ref_id = ?")
        .param(appeal)
        .query(
            (rs, n) -> {
              List<String> words =
                  new java.util.ArrayList<>(List.of(rs.getString("body").split(" ")));
              java.util.Collections.sort(words);
              words.add(0, rs.getString("title"));
              return words;
            })
        .list()
        .stream()
        .flatMap(List::stream)
        .toList();
  }

  @Test
  void textWrittenOnAnAppealIsFound() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");
    String word = "zebrawatch" + System.nanoTime();
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Spoštovana predsednica, " + word + " …", "language", "sl"));
    await()
        .untilAsserted(
            () ->
                mvc.perform(get("/api/search").param("q", word).with(httpBasic("advocate", "demo")))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].type").value("APPEAL"))
                    .andExpect(jsonPath("$.items[0].url").value("/appeals/" + appeal))
                    .andExpect(
                        jsonPath("$.items[0].snippet")
                            .value(Matchers.containsString("<mark>" + word + "</mark>"))));
    mvc.perform(
            get("/api/search")
                .param("q", campaign.title())
                .param("type", "CAMPAIGN")
                .with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$.items[0].url").value("/campaigns/" + campaign.id()));
  }

  /**
   * A step queues its appeal for re-indexing rather than rebuilding the search document in the
   * person's transaction; search finds an answer within the freshness docs/architecture.md states
   * (a second) of the step's return, and the queue is empty once it is found.
   */
  @Test
  void anAnswerJustRecordedIsFoundWithinASecond() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");
    drill.draftAndApprove(appeal);
    drill.submit(appeal, java.time.LocalDate.now().toString());
    String word = "kestrelreply" + System.nanoTime();
    drill.complete(
        appeal,
        TaskKey.RECORD_RESPONSE,
        CampaignDrill.ADVOCATE,
        Map.of(
            "receivedAt",
            java.time.LocalDate.now().toString(),
            "kind",
            "CONDEMNED",
            "summary",
            "The office condemned the vote: " + word));
    await()
        .atMost(java.time.Duration.ofMillis(SearchIndexing.FRESH_WITHIN_MILLIS))
        .pollInterval(java.time.Duration.ofMillis(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/search").param("q", word).with(httpBasic("advocate", "demo")))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].url").value("/appeals/" + appeal)));
    assertThat(
            jdbc.sql("SELECT count(*) FROM search_stale WHERE appeal_id = ?")
                .param(appeal)
                .query(Long.class)
                .single())
        .as("each queued change is drained once")
        .isZero();
  }

  /**
   * Draining is one node's at a time (an older read must never overwrite a newer one): while one
   * drains, another takes nothing and leaves the queue as it is for the next drain.
   */
  @Test
  void oneNodeDrainsAtATimeAndTheOthersLeaveTheQueueAsItIs(
      @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "SI");
    long appeal = drill.appeal(campaign, "SI");
    var draining = new org.springframework.transaction.support.TransactionTemplate(transactions);
    var another = new org.springframework.transaction.support.TransactionTemplate(transactions);
    another.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    draining.executeWithoutResult(
        held -> {
          // This transaction is the node draining now; the scheduled drain is one more other node.
          jdbc.sql("SELECT pg_advisory_xact_lock(7302)").query().singleRow();
          // What the launch and the opening queued stays queued too while this node drains.
          long before = queued(appeal);
          another.executeWithoutResult(
              queued ->
                  jdbc.sql("INSERT INTO search_stale (appeal_id) VALUES (?)")
                      .param(appeal)
                      .update());
          Integer taken =
              another.execute(
                  node -> jdbc.sql("SELECT search_drain(500)").query(Integer.class).single());
          assertThat(taken).as("taken while another node drains").isZero();
          assertThat(queued(appeal)).isEqualTo(before + 1);
        });
    await().until(() -> queued(appeal) == 0);
  }

  private long queued(long appeal) {
    return jdbc.sql("SELECT count(*) FROM search_stale WHERE appeal_id = ?")
        .param(appeal)
        .query(Long.class)
        .single();
  }

  /**
   * A word a thousand appeals share (a president's name at a million appeals) ranks the first
   * thousand and says there are more; the office it names is still found first, however many
   * appeals match too.
   */
  @Test
  void aWordMoreThanAThousandAppealsShareSaysThereAreMoreAndStillFindsTheOffice() throws Exception {
    String word = "ospreyname" + System.nanoTime();
    long base = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 2_000;
    try {
      jdbc.sql(
              """
              INSERT INTO search_index (kind, ref_id, appeal_id, title, body)
              SELECT 'APPEAL', ? + g, ? + g, 'Office ' || g || ' (A campaign)', ? FROM generate_series(1, 1100) g
              """)
          .params(base, base, word)
          .update();
      jdbc.sql("INSERT INTO search_index (kind, ref_id, title, body) VALUES ('TARGET', ?, ?, ?)")
          .params(base, "President of the Republic", word + " " + word + " " + word)
          .update();
      mvc.perform(get("/api/search").param("q", word).with(httpBasic("advocate", "demo")))
          .andExpect(jsonPath("$.more").value(true))
          .andExpect(jsonPath("$.total").value(1001)) // the office and the thousand appeals ranked
          .andExpect(jsonPath("$.items[0].type").value("TARGET"))
          .andExpect(jsonPath("$.items.length()").value(20));
      mvc.perform(get("/search").param("q", word).with(user("advocate").roles("ADVOCATE")))
          .andExpect(content().string(Matchers.containsString("More than 1,001 found")));
    } finally {
      jdbc.sql("DELETE FROM search_index WHERE ref_id > ? AND ref_id <= ? + 1100")
          .params(base - 1, base)
          .update();
    }
  }

  @Test
  void badSearchesAreNamedAndHostileTextStaysText() throws Exception {
    mvc.perform(get("/api/search").param("q", " !!! ").with(httpBasic("advocate", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"));
    mvc.perform(
            get("/api/search")
                .param("q", "serbia")
                .param("type", "PEOPLE")
                .with(httpBasic("advocate", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    mvc.perform(
            get("/api/search").param("q", "') | (x:* <script>").with(httpBasic("advocate", "demo")))
        .andExpect(status().isOk());
    // Signs that fold into punctuation ("⑴" → "(1)", "½" → " 1/2") were a tsquery syntax error, a
    // 500.
    for (String sign : List.of("⑴", "½", "Ⅻ ⒜ ﬁ")) {
      mvc.perform(get("/api/search").param("q", sign).with(httpBasic("advocate", "demo")))
          .andExpect(status().isOk());
    }
    assertThat(SearchService.snippet("<b>Vučić</b> & co", List.of("vucic")))
        .isEqualTo("&lt;b&gt;<mark>Vučić</mark>&lt;/b&gt; &amp; co");
  }
}
