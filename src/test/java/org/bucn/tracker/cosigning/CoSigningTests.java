package org.bucn.tracker.cosigning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.shared.Hashes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Co-signatories as the network collects them: a signature counts only once its address confirmed
 * it and a coordinator approved it; a withdrawal before the launch takes it off the letters; the
 * letter lists who co-signs, and the letter kept as sent does not change when one withdraws after
 * the launch; bursts from one address hear 429; no answer anyone may read carries an e-mail; an
 * erasure keeps the count.
 */
@TrackerTest
class CoSigningTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONFIRM = Pattern.compile("/public/signatures/([A-Za-z0-9_-]+)");
  private static final Pattern WITHDRAW =
      Pattern.compile("/public/signatures/([A-Za-z0-9_-]+)/withdrawal");
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired FormTokens tokens;
  @Autowired CoSignatures signatures;
  @Autowired JdbcClient jdbc;
  @Autowired AppealService appeals;
  @Autowired EvidenceService evidence;

  @Test
  void aSignatureCountsOnlyOnceItsAddressConfirmedItAndACoordinatorApprovedIt() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String email = "olena.k" + System.nanoTime() + "@example.org";
    sign(campaign, person("Olena Kovalenko", "Analyst", email, true))
        .andExpect(status().isAccepted());
    assertCounts(campaign, 0, 0);
    long id = onlySignatory(campaign).path("id").asLong();
    assertThat(onlySignatory(campaign).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

    decide(campaign, id, true, null).andExpect(status().isOk());
    assertCounts(campaign, 0, 0); // approved, but the address has not confirmed it

    String confirm = link(email, CONFIRM);
    mvc.perform(get("/public/signatures/" + confirm))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"));
    assertCounts(campaign, 0, 0); // opening the link (a mail scanner's visit) confirms nothing
    mvc.perform(post("/public/signatures/" + confirm)).andExpect(status().isOk());
    assertCounts(campaign, 0, 1);
    mvc.perform(post("/public/signatures/" + confirm))
        .andExpect(status().isOk()); // again: no change
    assertCounts(campaign, 0, 1);

    String list = publicList(campaign);
    assertThat(list).contains("Olena Kovalenko").doesNotContain(email).doesNotContain("@");
    String page =
        mvc.perform(get("/public/campaigns/" + campaign.id() + "/sign"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Olena Kovalenko").doesNotContain(email);
  }

  @Test
  void aPersonWhoDidNotConsentCountsAndIsOnTheLetterButNotOnThePublicList() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String email = "quiet" + System.nanoTime() + "@example.org";
    signConfirmApprove(campaign, person("Quiet Signer", null, email, false));
    assertCounts(campaign, 0, 1);
    assertThat(publicList(campaign)).doesNotContain("Quiet Signer");
    assertThat(CoSignedWords.lines(signatures.signers(campaign.id()), "en"))
        .containsExactly("Co-signed by 1 individual:", "Quiet Signer");
  }

  @Test
  void withdrawingBeforeTheLaunchTakesTheSignatureOffTheLetters() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String email = "changed.mind" + System.nanoTime() + "@example.org";
    signConfirmApprove(campaign, person("Changed Mind", null, email, true));
    assertCounts(campaign, 0, 1);

    String withdraw = link(email, WITHDRAW);
    mvc.perform(post("/public/signatures/" + withdraw + "/withdrawal")).andExpect(status().isOk());
    assertCounts(campaign, 0, 0);
    assertThat(publicList(campaign)).doesNotContain("Changed Mind");
    assertThat(signatures.signers(campaign.id()).isEmpty()).isTrue();
    assertThat(onlySignatory(campaign).path("status").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void theLetterListsWhoCoSignsAndTheLetterKeptAsSentDoesNotChangeWhenOneWithdrawsLater()
      throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String person = "witness" + System.nanoTime() + "@example.org";
    signConfirmApprove(
        campaign,
        signature(
            "Centar za demokratiju",
            "RS",
            "Ana Petrović",
            "Director",
            "ana" + System.nanoTime() + "@example.org",
            true));
    signConfirmApprove(campaign, person("Mykola Witness", "Historian", person, true));

    Campaign launched = drill.launch(campaign);
    long appeal = drill.appeal(launched, "AL");
    drill.draftAndApprove(appeal);
    drill.complete(
        appeal,
        TaskKey.SUBMIT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("channel", "EMAIL", "send", "true"));
    var submission = appeals.detail(appeal).submission();
    byte[] sent = evidence.content(submission.letterEvidenceId()).bytes();
    assertThat(text(sent))
        .contains("Supotpisnici: 1 organizacija i 1 pojedinac:")
        .contains("Srbija: Centar za demokratiju")
        .contains("Mykola Witness, Historian")
        .doesNotContain(person);
    String mail =
        new String(evidence.content(submission.mailEvidenceId()).bytes(), StandardCharsets.UTF_8);
    assertThat(jakarta.mail.internet.MimeUtility.decodeText(mail.replaceAll("=\\r?\\n", "")))
        .as("the mailed text carries the list too")
        .contains("Mykola Witness");

    mvc.perform(post("/public/signatures/" + link(person, WITHDRAW) + "/withdrawal"))
        .andExpect(status().isOk());
    assertThat(publicList(campaign)).doesNotContain("Mykola Witness");
    byte[] kept = letterPdf(appeal);
    assertThat(Hashes.sha256(kept))
        .as("the letter as it went is the letter kept")
        .isEqualTo(Hashes.sha256(sent));
    assertThat(CoSignedWords.lines(signatures.signers(campaign.id()), "en"))
        .as("letters of this launch still carry the list as it was at the launch")
        .contains("Mykola Witness, Historian");
  }

  @Test
  void fortyOrganisationsAndThreeHundredPeopleFitOnAFewPagesInTheLettersAlphabeticalOrder()
      throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    StringBuilder csv = new StringBuilder("organisation,country,website,name,title,email\n");
    csv.append("Civic Forum Čakovec,CZ,,Ana A,,\n") // Češka: after Crna Gora in Serbian
        .append("Civic Forum Cetinje,ME,,Ana B,,\n")
        .append(",,,Čolak Ivana,Analyst,\n") // Č after C, before D
        .append(",,,Cvitan Marko,Historian,\n")
        .append(",,,Dragić Petar,Lawyer,\n");
    for (int i = 0; i < 38; i++) {
      csv.append("Forum ").append(i).append(",RS,,Signer ").append(i).append(",,\n");
    }
    String[] titles = {
      "Professor", "Journalist", "Senior Research Fellow in International Security"
    };
    for (int i = 0; i < 297; i++) {
      csv.append(",,,Expert ").append(i).append(',').append(titles[i % 3]).append(",\n");
    }
    mvc.perform(
            post("/api/campaigns/" + campaign.id() + "/signatories/import")
                .param("source", "Signed at the Podgorica conference")
                .contentType("text/csv")
                .content(csv.toString())
                .with(coordinator()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(340));

    long appeal = drill.appeal(drill.launch(campaign), "AL");
    drill.draftAndApprove(appeal); // a letter in Serbian
    byte[] pdf = letterPdf(appeal);
    String text = text(pdf).replaceAll("\\s+", " ");
    assertThat(text).contains("Supotpisnici: 40 organizacija i 300 pojedinaca:");
    assertThat(text.indexOf("Crna Gora: Civic Forum Cetinje"))
        .as("countries in Serbian alphabetical order: Crna Gora, Češka, Srbija")
        .isPositive()
        .isLessThan(text.indexOf("Češka: Civic Forum Čakovec"));
    assertThat(text.indexOf("Češka:"))
        .isLessThan(text.indexOf("Srbija: Forum 0; Forum 1; Forum 2;"));
    assertThat(text.indexOf("Cvitan Marko, Historian"))
        .as("people in Serbian alphabetical order: C, Č, D")
        .isPositive()
        .isLessThan(text.indexOf("Čolak Ivana, Analyst"));
    assertThat(text.indexOf("Čolak Ivana")).isLessThan(text.indexOf("Dragić Petar"));
    assertThat(
            Pattern.compile("Expert \\d+, (Professor|Journalist|Senior Research Fellow)")
                .matcher(text)
                .results())
        .hasSize(297);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages())
          .as("the letter and 340 co-signatories run on (one to a line, they took eight pages)")
          .isLessThanOrEqualTo(4);
    }
  }

  @Test
  void aCoordinatorApprovesTheSignaturesListedAsAwaitingAtOnceAndOnlyThose() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String tag = Long.toString(System.nanoTime());
    long first =
        signAndConfirm(campaign, person("Awaiting One", null, "a1" + tag + "@ex.org", true));
    long second =
        signAndConfirm(campaign, person("Awaiting Two", null, "a2" + tag + "@ex.org", true));
    sign(campaign, person("Unconfirmed", null, "u" + tag + "@ex.org", true))
        .andExpect(status().isAccepted());

    String page =
        mvc.perform(
                get("/campaigns/" + campaign.id() + "/signatories")
                    .param("status", "AWAITING_APPROVAL")
                    .with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("All (3)")
        .contains("awaiting approval (2)")
        .contains("awaiting the signer&#39;s confirmation (1)")
        .contains("Approve these 2 signatures")
        .contains("Awaiting One")
        .contains("Awaiting Two")
        .as("only the state asked for is listed")
        .doesNotContain("Unconfirmed");

    mvc.perform(get("/api/me/attention").with(coordinator()))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.signaturesAwaiting[?(@.campaignId == " + campaign.id() + ")].signatures")
                .value(org.hamcrest.Matchers.contains(2)))
        .andExpect(
            jsonPath("$.signaturesAwaiting[?(@.campaignId == " + campaign.id() + ")].url")
                .value(
                    org.hamcrest.Matchers.contains(
                        "/campaigns/" + campaign.id() + "/signatories?status=AWAITING_APPROVAL")));
    assertThat(
            mvc.perform(get("/").with(coordinator()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .as("the coordinators' start page says so")
        .contains("2 signatures for “" + campaign.title() + "”");

    long late = signAndConfirm(campaign, person("Came Later", null, "l" + tag + "@ex.org", true));
    mvc.perform(
            post("/campaigns/" + campaign.id() + "/signatories/approvals")
                .param("ids", Long.toString(first), Long.toString(second))
                .with(coordinator())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("flash", "2 signatures approved."));
    assertCounts(campaign, 0, 2);
    mvc.perform(get("/api/me/attention").with(coordinator()))
        .andExpect(
            jsonPath("$.signaturesAwaiting[?(@.campaignId == " + campaign.id() + ")].signatures")
                .value(org.hamcrest.Matchers.contains(1)));
    assertThat(signatures.get(campaign.id(), late).status())
        .as("a signature that came in after the page was read waits for the coordinator")
        .isEqualTo("AWAITING_APPROVAL");

    // The API: all or none.
    long withdrawn = signAndConfirm(campaign, person("Gone", null, "g" + tag + "@ex.org", true));
    mvc.perform(post("/public/signatures/" + link("g" + tag + "@ex.org", WITHDRAW) + "/withdrawal"))
        .andExpect(status().isOk());
    decideAll(campaign, List.of(late, withdrawn), true, null).andExpect(status().isConflict());
    assertThat(signatures.get(campaign.id(), late).status())
        .as("nothing changed when one of them could not take the decision")
        .isEqualTo("AWAITING_APPROVAL");
    decideAll(campaign, List.of(), true, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ids"));
    decideAll(campaign, List.of(late), false, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    decideAll(campaign, List.of(late, late), true, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decided").value(1));
    assertCounts(campaign, 0, 3);
  }

  @Test
  void aBurstOfSignaturesFromOneAddressHears429AndAnotherAddressIsNotHeldUp() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String address = nextAddress();
    Map<String, Object> forged = person("Bot", null, "bot@example.org", false);
    forged.put("formToken", "1.forged");
    for (int i = 0; i < SignatureBursts.LIMIT; i++) {
      sign(campaign, forged, address)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("formToken"));
    }
    sign(campaign, forged, address)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    sign(campaign, person("Someone Else", null, "else" + System.nanoTime() + "@example.org", false))
        .andExpect(status().isAccepted());
    assertThat(signatures.all(campaign.id())).hasSize(1);
  }

  @Test
  void aFormSentBackTooSoonOrForgedOrForAnotherCampaignIsRefusedAndNothingIsKept()
      throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    Campaign other = draftWithSignOn("AL");
    Map<String, Object> form = person("Fast Filler", null, "fast@example.org", false);
    form.put("formToken", tokens.issue(campaign.id()));
    sign(campaign, form, nextAddress())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("formToken"));
    form.put("formToken", tokens.issue(other.id(), Instant.now().minusSeconds(30)));
    sign(campaign, form, nextAddress())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("formToken"));
    Map<String, Object> organisation =
        signature("No Country Org", null, "Someone", null, "org@example.org", true);
    sign(campaign, organisation)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    assertThat(signatures.all(campaign.id())).isEmpty();

    Campaign closed = drill.draft(Set.of(Demand.CONDEMNATION), "P14D", 2, "P30D", null, "AL");
    sign(closed, person("Too Early", null, "early@example.org", false))
        .andExpect(status().isNotFound());
  }

  @Test
  void coordinatorsModerateImportAndMergeAndOthersSeeNoEmail() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String email = "twice" + System.nanoTime() + "@example.org";
    signConfirmApprove(campaign, person("First Spelling", null, email, true));
    String csv =
        "organisation,country,website,name,title,email,list_publicly\n"
            + "Vukovar Institute,HR,https://vukovar.example.org,Ivana Horvat,Director,,yes\n"
            + "vukovar  institute,HR,,Marko Babić,Analyst,,no\n"
            + ",,,Second Spelling,,"
            + email
            + ",yes\n";
    JsonNode imported =
        json(
            mvc.perform(
                    post("/api/campaigns/" + campaign.id() + "/signatories/import")
                        .param("source", "Signed at the Sarajevo meeting, 3 December")
                        .contentType("text/csv")
                        .content(csv)
                        .with(coordinator()))
                .andExpect(status().isOk()));
    assertThat(imported.path("imported").asInt()).isEqualTo(3);
    assertThat(imported.path("merged").asInt()).as("the same address signed before").isEqualTo(1);
    assertCounts(campaign, 1, 1); // one institute however spelled; one person however spelled
    assertThat(publicList(campaign)).contains("Second Spelling").doesNotContain("First Spelling");

    long pending = newest(campaign, sign(campaign, person("Troll", null, "t@example.org", true)));
    decide(campaign, pending, false, " ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    decide(campaign, pending, false, "Not a real person").andExpect(status().isOk());

    mvc.perform(
            get("/api/campaigns/" + campaign.id() + "/signatories")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isForbidden());
    String export =
        mvc.perform(get("/api/campaigns/" + campaign.id() + "/signatories.csv").with(coordinator()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(export).contains(email).contains("Not a real person").contains("MERGED");

    drill.launch(campaign);
    decide(campaign, pending, true, null).andExpect(status().isConflict());
    sign(campaign, person("Too Late", null, "late@example.org", false))
        .andExpect(status().isConflict());
  }

  @Test
  void anErasureKeepsTheCountAndNamesNobody() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String email = "forget.me" + System.nanoTime() + "@example.org";
    signConfirmApprove(campaign, person("Forget Me", "Researcher", email, true));
    JsonNode exported =
        json(
            mvc.perform(
                    post("/api/admin/signers/export")
                        .content("{\"email\":\"" + email.toUpperCase() + "\"}")
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()));
    assertThat(exported.get(0).path("signature").path("name").asText()).isEqualTo("Forget Me");
    mvc.perform(
            post("/api/admin/signers/erasure")
                .content("{\"email\":\"" + email + "\"}")
                .contentType(MediaType.APPLICATION_JSON)
                .with(coordinator()))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/api/admin/signers/erasure")
                .content("{\"email\":\"" + email + "\"}")
                .contentType(MediaType.APPLICATION_JSON)
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.signatures").value(1));
    assertCounts(campaign, 0, 1);
    assertThat(publicList(campaign)).doesNotContain("Forget Me");
    assertThat(CoSignedWords.lines(signatures.signers(campaign.id()), "en"))
        .containsExactly("Co-signed by 1 individual:", "an individual who asked not to be named");
    assertThat(CoSignedWords.lines(signatures.signers(campaign.id()), "uk"))
        .contains("особа, яка попросила не називати її імені");
    assertThat(
            jdbc.sql("SELECT count(*) FROM co_signature WHERE lower(email) = lower(?) OR name = ?")
                .params(email, "Forget Me")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aLinkFollowedTooLateConfirmsNothingAndAnUnconfirmedAddressIsNotKept() throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String late = "late.confirmer" + System.nanoTime() + "@example.org";
    String kept = "kept" + System.nanoTime() + "@example.org";
    sign(campaign, person("Late Confirmer", null, late, true)).andExpect(status().isAccepted());
    signConfirmApprove(campaign, person("Kept Signer", null, kept, true));
    jdbc.sql("UPDATE co_signature SET confirm_by = now() - interval '1 minute' WHERE email = ?")
        .param(late)
        .update(); // the link's seven days are over

    mvc.perform(post("/public/signatures/" + link(late, CONFIRM))).andExpect(status().isConflict());
    assertCounts(campaign, 0, 1);
    assertThat(signatures.forgetUnconfirmed()).isPositive();
    assertThat(signatures.all(campaign.id())).extracting(CoSignature::email).containsExactly(kept);
  }

  @Test
  void theSignOnPageFormComesBackWithEverythingTypedAndTheCoordinatorsPageKeepsAFailedImport()
      throws Exception {
    Campaign campaign = draftWithSignOn("AL");
    String page =
        mvc.perform(
                post("/public/campaigns/" + campaign.id() + "/sign")
                    .param("name", "Typed Name")
                    .param("title", "Typed Title")
                    .param("email", "not-an-address")
                    .param("organisation", "Typed Organisation")
                    .param("formToken", tokens.issue(campaign.id(), Instant.now().minusSeconds(9)))
                    .with(from(nextAddress())))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("value=\"Typed Name\"")
        .contains("value=\"Typed Title\"")
        .contains("value=\"not-an-address\"")
        .contains("value=\"Typed Organisation\"")
        .contains("id=\"email-error\"");
    assertThat(signatures.all(campaign.id())).isEmpty();

    String coordinators =
        mvc.perform(
                post("/campaigns/" + campaign.id() + "/signatories/import")
                    .param("source", "Typed source")
                    .param("rows", "name,country,organisation\nSomeone,ZZ,Some Org\n")
                    .with(coordinator())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(coordinators)
        .contains("line 2: country")
        .contains("value=\"Typed source\"")
        .contains("Someone,ZZ,Some Org");
    assertThat(signatures.all(campaign.id())).isEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Campaign draftWithSignOn(String country) {
    Campaign campaign = drill.draft(Set.of(Demand.CONDEMNATION), "P14D", 2, "P30D", null, country);
    signatures.open(campaign.id(), null, CampaignDrill.COORDINATOR);
    return campaign;
  }

  private static Map<String, Object> person(
      String name, String title, String email, boolean listed) {
    return signature(null, null, name, title, email, listed);
  }

  private static Map<String, Object> signature(
      String organisation,
      String country,
      String name,
      String title,
      String email,
      boolean listed) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("organisation", organisation);
    form.put("country", country);
    form.put("name", name);
    form.put("title", title);
    form.put("email", email);
    form.put("listPublicly", listed);
    return form;
  }

  private ResultActions sign(Campaign campaign, Map<String, Object> form) throws Exception {
    Map<String, Object> withToken = new LinkedHashMap<>(form);
    withToken.putIfAbsent("formToken", tokens.issue(campaign.id(), Instant.now().minusSeconds(10)));
    return sign(campaign, withToken, nextAddress());
  }

  private ResultActions sign(Campaign campaign, Map<String, Object> form, String address)
      throws Exception {
    return mvc.perform(
        post("/public/api/campaigns/" + campaign.id() + "/signatures")
            .content(JSON.writeValueAsString(form))
            .contentType(MediaType.APPLICATION_JSON)
            .with(from(address)));
  }

  private void signConfirmApprove(Campaign campaign, Map<String, Object> form) throws Exception {
    decide(campaign, signAndConfirm(campaign, form), true, null).andExpect(status().isOk());
  }

  /** Signed and confirmed by mail: the signature awaits a coordinator's approval. */
  private long signAndConfirm(Campaign campaign, Map<String, Object> form) throws Exception {
    sign(campaign, form).andExpect(status().isAccepted());
    mvc.perform(post("/public/signatures/" + link((String) form.get("email"), CONFIRM)))
        .andExpect(status().isOk());
    return signatures.all(campaign.id()).stream()
        .filter(s -> s.email().equals(form.get("email")))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** The signature just sent: the campaign's newest. */
  private long newest(Campaign campaign, ResultActions signed) throws Exception {
    signed.andExpect(status().isAccepted());
    return signatures.all(campaign.id()).get(0).id();
  }

  private JsonNode onlySignatory(Campaign campaign) throws Exception {
    JsonNode all =
        json(
            mvc.perform(get("/api/campaigns/" + campaign.id() + "/signatories").with(coordinator()))
                .andExpect(status().isOk()));
    return all.path("signatories").get(0);
  }

  private ResultActions decide(Campaign campaign, long id, boolean approved, String reason)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("approved", approved);
    body.put("reason", reason);
    return mvc.perform(
        put("/api/campaigns/" + campaign.id() + "/signatories/" + id + "/decision")
            .content(JSON.writeValueAsString(body))
            .contentType(MediaType.APPLICATION_JSON)
            .with(coordinator()));
  }

  private ResultActions decideAll(
      Campaign campaign, List<Long> ids, boolean approved, String reason) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ids", ids);
    body.put("approved", approved);
    body.put("reason", reason);
    return mvc.perform(
        put("/api/campaigns/" + campaign.id() + "/signatories/decisions")
            .content(JSON.writeValueAsString(body))
            .contentType(MediaType.APPLICATION_JSON)
            .with(coordinator()));
  }

  private void assertCounts(Campaign campaign, int organisations, int individuals)
      throws Exception {
    mvc.perform(get("/public/api/campaigns/" + campaign.id() + "/signatures"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.organisations").value(organisations))
        .andExpect(jsonPath("$.individuals").value(individuals));
  }

  private String publicList(Campaign campaign) throws Exception {
    return mvc.perform(get("/public/api/campaigns/" + campaign.id() + "/signatures"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The token of the last link of that kind mailed to the address (the outbox keeps the mail). */
  private String link(String email, Pattern pattern) {
    List<String> bodies =
        jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
            .param(email)
            .query(String.class)
            .list();
    for (String body : bodies) {
      Matcher m = pattern.matcher(body);
      if (m.find() && (pattern == WITHDRAW || !body.contains("/withdrawal"))) {
        return m.group(1);
      }
    }
    throw new AssertionError("no link mailed to " + email + ": " + bodies);
  }

  private byte[] letterPdf(long appeal) throws Exception {
    return mvc.perform(
            get("/api/appeals/" + appeal + "/letter.pdf").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true); // a bold name and its plain title are one line's text
      return stripper.getText(document).replaceAll("[ \\t]+", " ");
    }
  }

  private static String nextAddress() {
    return "10.27." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static RequestPostProcessor coordinator() {
    return user("coordinator").roles("COORDINATOR");
  }

  private static JsonNode json(ResultActions result) throws Exception {
    return JSON.readTree(
        result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
