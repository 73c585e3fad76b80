package org.bucn.tracker.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.bucn.tracker.TrackerTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * EU foreign-policy alignment: acts, alignments, an all-or-nothing import, rates per year, and
 * appealing a non-alignment.
 */
@TrackerTest
class CfspTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anActIsRecordedOnceAndBadInputNamesItsField() throws Exception {
    String reference = "Council Decision (CFSP) 2099/" + System.nanoTime() + " (test)";
    String act =
        "{\"reference\":\""
            + reference
            + "\",\"date\":\"2024-06-24\",\"title\":\"A test act\",\"url\":\"https://example.org/act\",\"topic\":\"test\"}";
    mvc.perform(
            post("/api/cfsp")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(act))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.reference").value(reference));
    mvc.perform(
            post("/api/cfsp")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(act))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("reference"));
    mvc.perform(
            post("/api/cfsp")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reference\":\"X 1\",\"date\":\"2999-01-01\",\"title\":\"t\",\"url\":\"javascript:alert(1)\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("date", "url")));
    long id =
        jdbc.sql("SELECT id FROM cfsp_act WHERE reference = ?")
            .param(reference)
            .query(Long.class)
            .single();
    mvc.perform(
            put("/api/cfsp/" + id + "/alignment/ZZ")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"aligned\":true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
    mvc.perform(
            put("/api/cfsp/" + id + "/alignment/me")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("aligned"));
    mvc.perform(
            put("/api/cfsp/" + id + "/alignment/me")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"aligned\":true,\"source\":\"The act's alignment declaration\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.alignments[0].countryCode").value("ME"));
    mvc.perform(
            post("/api/cfsp")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(act))
        .andExpect(status().isForbidden());
  }

  @Test
  void anImportWithABadLineImportsNothingAndAGoodOneGivesRatesPerYear() throws Exception {
    String tag = Long.toString(System.nanoTime());
    long actsBefore = jdbc.sql("SELECT count(*) FROM cfsp_act").query(Long.class).single();
    String bad =
        """
        reference,date,title,url,topic,country,aligned,source
        Test decision A-%1$s,2021-03-01,"First, with a comma",,test,MK,true,declaration
        Test decision B-%1$s,2022-05-01,Second,,test,MK,maybe,declaration
        Test decision C-%1$s,2022-09-01,Third,,test,ZZ,false,declaration
        """
            .formatted(tag);
    mvc.perform(
            post("/api/cfsp/import")
                .with(httpBasic("coordinator", "demo"))
                .contentType("text/csv")
                .content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(Matchers.contains("line 3: aligned", "line 4: country")));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM cfsp_act").query(Long.class).single())
        .isEqualTo(actsBefore);
    // A NUL in a cell, or a source longer than its column, is a line's error too, never a 500.
    String hostile =
        "reference,date,title,url,topic,country,aligned,source\n"
            + "Test decision N-"
            + tag
            + ",2021-03-01,Nul\u0000title,,test,MK,true,"
            + "s".repeat(501)
            + "\n";
    mvc.perform(
            post("/api/cfsp/import")
                .with(httpBasic("coordinator", "demo"))
                .contentType("text/csv")
                .content(hostile))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(Matchers.contains("line 2: title", "line 2: source")));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM cfsp_act").query(Long.class).single())
        .isEqualTo(actsBefore);

    String good = bad.replace("maybe", "true").replace(",ZZ,", ",MK,");
    mvc.perform(
            post("/api/cfsp/import")
                .with(httpBasic("coordinator", "demo"))
                .contentType("text/csv")
                .content(good))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.alignments").value(3));
    String country =
        mvc.perform(get("/api/countries/MK").with(httpBasic("manager", "demo")))
            .andExpect(status().isOk())
            .andExpect(
                jsonPath("$.cfsp.years[?(@.year == 2021)].rate").value(Matchers.contains(1.0)))
            .andExpect(
                jsonPath("$.cfsp.years[?(@.year == 2022)].rate").value(Matchers.contains(0.5)))
            .andExpect(jsonPath("$.cfsp.overall").value(Matchers.closeTo(2.0 / 3, 1e-9)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Number notAligned =
        JsonPath.<java.util.List<Number>>read(
                country, "$.cfsp.acts[?(@.reference == 'Test decision C-" + tag + "')].actId")
            .get(0);
    Number aligned =
        JsonPath.<java.util.List<Number>>read(
                country, "$.cfsp.acts[?(@.reference == 'Test decision A-" + tag + "')].actId")
            .get(0);

    mvc.perform(
            post("/api/cfsp/" + aligned + "/alignment/MK/appeal")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/cfsp/" + notAligned + "/alignment/mk/appeal")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.summary").value(Matchers.containsString("Test decision C-" + tag)))
        .andExpect(
            jsonPath("$.targetIds.length()")
                .value(
                    jdbc.sql("SELECT count(*) FROM target WHERE country_code = 'MK'")
                        .query(Long.class)
                        .single()
                        .intValue()));
  }

  @Test
  void aPublishedRateIsKeptWithItsSourceAndABadOneChangesNothing() throws Exception {
    mvc.perform(get("/api/countries/rs").with(httpBasic("manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cfsp.published[?(@.year == 2022)].percent").value(48.0))
        .andExpect(
            jsonPath("$.cfsp.published[?(@.year == 2022)].url")
                .value(Matchers.hasItem(Matchers.startsWith("https://www.isac-fund.org/"))));
    String publisher = "Test review " + System.nanoTime();
    long before = jdbc.sql("SELECT count(*) FROM cfsp_published_rate").query(Long.class).single();
    mvc.perform(
            post("/api/cfsp/published-rates")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"countryCode\":\"ZZ\",\"year\":2023,\"percent\":140,\"publisher\":\""
                        + publisher
                        + "\",\"url\":\"javascript:alert(1)\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("percent", "url")));
    mvc.perform(
            post("/api/cfsp/published-rates")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"countryCode\":\"ZZ\",\"year\":2023,\"percent\":50,\"publisher\":\""
                        + publisher
                        + "\",\"url\":\"https://example.org/r\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("countryCode"));
    assertThat(jdbc.sql("SELECT count(*) FROM cfsp_published_rate").query(Long.class).single())
        .isEqualTo(before);
    mvc.perform(
            post("/api/cfsp/published-rates")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"countryCode\":\"ME\",\"year\":2023,\"percent\":100,\"publisher\":\""
                        + publisher
                        + "\",\"url\":\"https://example.org/r\"}"))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/api/cfsp/published-rates")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"countryCode\":\"me\",\"year\":2023,\"percent\":99.5,\"publisher\":\""
                        + publisher
                        + "\",\"url\":\"https://example.org/r\",\"note\":\"Test\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.publisher == '" + publisher + "')].percent").value(99.5));
    mvc.perform(
            get("/countries/ME")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("manager")
                        .roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    Matchers.allOf(
                        Matchers.containsString("Alignment rates as published"),
                        Matchers.containsString(publisher),
                        Matchers.containsString("99.5%"))));
  }

  @Test
  void thePortfolioDashboardShowsEachCountrysAlignment() throws Exception {
    mvc.perform(
            get("/dashboard")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("manager")
                        .roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("EU alignment")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("of 2 acts; 2014: 0%, 2022: 0%")));
  }
}
