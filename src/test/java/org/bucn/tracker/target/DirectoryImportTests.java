package org.bucn.tracker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bucn.tracker.TrackerTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A network arrives with its contacts in a spreadsheet: the directory imports a CSV (as Excel
 * writes it in the Balkans: semicolons, a byte-order mark), previews what each line would do, and
 * applies all of it or, while any line is wrong, nothing.
 */
@TrackerTest
class DirectoryImportTests {

  @Autowired MockMvc mvc;
  @Autowired TargetService targets;

  @Test
  void aSpreadsheetOfOfficesIsPreviewedThenAppliedAndALaterOneChangesOnlyItsColumns()
      throws Exception {
    String office = "Ombudsman " + System.nanoTime();
    String first =
        "\uFEFFcountryCode;country;office;holderName;channel;email;postalAddress;language;languages\n"
            + "SI;Slovenia;"
            + office
            + ";Peter Svetina;EMAIL;varuh@example.org;Dunajska cesta 56, Ljubljana;sl;sl en\n";

    send(first, false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lines[0].action").value("CREATE"))
        .andExpect(jsonPath("$.lines[0].errors").isEmpty())
        .andExpect(jsonPath("$.applied").value(false));
    assertThat(find(office)).as("a preview changes nothing").isEmpty();

    send(first, true).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
    Target added = find(office).orElseThrow();
    assertThat(added.holderName()).isEqualTo("Peter Svetina");
    assertThat(added.languages()).containsExactly("sl", "en");

    // The next file names the office again with a new address and no postal column: the address
    // changes, the postal address stays.
    String later =
        "countryCode,country,office,channel,email,language\n"
            + "SI,Slovenia,"
            + office
            + ",EMAIL,info@varuh-rs.si,sl\n";
    send(later, false).andExpect(jsonPath("$.lines[0].action").value("UPDATE"));
    send(later, true).andExpect(jsonPath("$.updated").value(1));
    Target changed = find(office).orElseThrow();
    assertThat(changed.id()).isEqualTo(added.id());
    assertThat(changed.email()).isEqualTo("info@varuh-rs.si");
    assertThat(changed.postalAddress()).isEqualTo("Dunajska cesta 56, Ljubljana");
    assertThat(changed.holderName()).isEqualTo("Peter Svetina");
    send(later, false).andExpect(jsonPath("$.lines[0].action").value("UNCHANGED"));
  }

  /**
   * The page: the chosen file is previewed line by line, applied from the preview without choosing
   * it again; a file with a wrong line shows the line and offers no "apply".
   */
  @Test
  void theImportPagePreviewsTheChosenFileThenAppliesIt() throws Exception {
    String office = "Protector " + System.nanoTime();
    String csv =
        "countryCode,country,office,channel,email,language\nME,Montenegro,"
            + office
            + ",EMAIL,ombudsman@example.org,cnr\n";
    org.springframework.mock.web.MockMultipartFile file =
        new org.springframework.mock.web.MockMultipartFile(
            "file",
            "offices.csv",
            "text/csv",
            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String preview =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/targets/import")
                    .file(file)
                    .with(coordinatorOnPage()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(preview);
    assertThat(page.select("table.import-report tbody tr td").eachText())
        .contains("ME", office, "create");
    assertThat(page.selectFirst("#apply-import")).as("a clean file can be applied").isNotNull();
    assertThat(find(office)).as("a preview changes nothing").isEmpty();

    mvc.perform(
            post("/targets/import")
                .param("csv", page.selectFirst("textarea[name=csv]").wholeText())
                .param("apply", "true")
                .with(coordinatorOnPage()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/targets"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("flash", "Imported: 1 new, 0 updated, 0 unchanged."));
    assertThat(find(office)).isPresent();

    String wrong =
        csv.replace("ombudsman@example.org", "not an address").replace(office, office + " 2");
    org.jsoup.nodes.Document refused =
        org.jsoup.Jsoup.parse(
            mvc.perform(
                    post("/targets/import")
                        .param("csv", wrong)
                        .param("apply", "true")
                        .with(coordinatorOnPage()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(refused.select("tr.wrong .field-error").eachText())
        .anySatisfy(error -> assertThat(error).startsWith("email:"));
    assertThat(refused.selectFirst("#apply-import")).isNull();
    assertThat(find(office + " 2")).isEmpty();
  }

  @Test
  void aFileWithOneWrongLineIsRefusedNamingItAndChangesNothing() throws Exception {
    String good = "Commissioner " + System.nanoTime();
    String csv =
        "countryCode,country,office,channel,email,language\n"
            + "SI,Slovenia,"
            + good
            + ",EMAIL,office@example.org,sl\n"
            + "SI,Slovenia,Another "
            + good
            + ",PIGEON,office@example.org,sl\n"
            + "SI,Slovenia,"
            + good
            + ",EMAIL,not an address,sl\n";

    send(csv, false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lines[1].errors[0].field").value("channel"))
        .andExpect(
            jsonPath("$.lines[2].errors[*].field").value(Matchers.hasItems("email", "office")));
    send(csv, true)
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(Matchers.hasItems("line 3: channel", "line 4: email", "line 4: office")));
    assertThat(find(good)).as("nothing applied while a line is wrong").isEmpty();

    mvc.perform(
            post("/api/targets/import")
                .with(httpBasic("advocate", "demo"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/targets/import")
                .with(httpBasic("coordinator", "demo"))
                .contentType("text/csv")
                .content("office,email\nSomething,x@example.org\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    Matchers.startsWith(
                        "lacks the columns countryCode, country, channel, language")));
  }

  private ResultActions send(String csv, boolean apply) throws Exception {
    return mvc.perform(
        post("/api/targets/import")
            .param("apply", Boolean.toString(apply))
            .with(httpBasic("coordinator", "demo"))
            .contentType("text/csv;charset=UTF-8")
            .content(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private java.util.Optional<Target> find(String office) {
    List<Target> all = targets.findAll();
    return all.stream().filter(t -> t.office().equals(office)).findFirst();
  }

  /** A coordinator's page request: logged in, with the form's CSRF token. */
  private static org.springframework.test.web.servlet.request.RequestPostProcessor
      coordinatorOnPage() {
    return request ->
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("coordinator")
            .roles("COORDINATOR")
            .postProcessRequest(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf()
                    .postProcessRequest(request));
  }
}
