package org.bucn.tracker.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bucn.tracker.CampaignDrill.ADVOCATE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Evidence kept byte for byte, typed by its bytes, named safely, checked on every read, removed
 * only by an admin with a reason.
 */
@TrackerTest
class EvidenceTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired JdbcClient jdbc;
  @Autowired TrackerClock clock;
  @LocalServerPort int port;

  long appeal;

  @BeforeEach
  void anAppeal() {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "BG");
    appeal = drill.appeal(campaign, "BG");
  }

  @Test
  void anUploadComesBackByteForByteWithTheSameHash() throws Exception {
    byte[] pdf = pdf();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    String body =
        mvc.perform(
                upload(appeal, "answer.pdf", "text/html", pdf, "RESPONSE_LETTER")
                    .param("description", "Letter of the President")
                    .param("sourceUrl", "https://www.president.bg/news")
                    .with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", org.hamcrest.Matchers.startsWith("/api/evidence/")))
            .andExpect(jsonPath("$.appealId").value(appeal))
            .andExpect(jsonPath("$.kind").value("RESPONSE_LETTER"))
            .andExpect(jsonPath("$.filename").value("answer.pdf"))
            .andExpect(jsonPath("$.contentType").value("application/pdf"))
            .andExpect(jsonPath("$.size").value(pdf.length))
            .andExpect(jsonPath("$.sha256").value(sha))
            .andExpect(jsonPath("$.uploadedBy").value("advocate"))
            .andExpect(jsonPath("$.uploadedAt").exists())
            .andExpect(jsonPath("$.sourceUrl").value("https://www.president.bg/news"))
            .andExpect(jsonPath("$.description").value("Letter of the President"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    mvc.perform(get("/api/evidence/" + id + "/content").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(content().bytes(pdf))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"answer.pdf\""))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(
            header()
                .string(
                    "Digest",
                    "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha))));
    mvc.perform(get("/api/appeals/" + appeal + "/evidence").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].sha256").value(sha));
    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("EVIDENCE_ADDED");
              assertThat(e.link()).isEqualTo("/api/evidence/" + id + "/content");
            });
  }

  /**
   * Downloads are sent a slice at a time (issue 30: concurrent large downloads ran out of heap).
   */
  @Test
  void aFileOfSeveralSlicesComesBackWholeAndInOrder() throws Exception {
    byte[] scan = new byte[DatabaseEvidenceStore.SLICE + DatabaseEvidenceStore.SLICE / 2 + 7];
    new java.util.Random(30).nextBytes(scan);
    MockHttpServletResponse created =
        mvc.perform(
                upload(appeal, "scan.bin", "application/octet-stream", scan, "OTHER")
                    .with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse();
    long id = Long.parseLong(created.getHeader("Location").replaceAll(".*/", ""));
    mvc.perform(get("/api/evidence/" + id + "/content").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(header().longValue("Content-Length", scan.length))
        .andExpect(content().bytes(scan));
  }

  @Test
  void theTypeComesFromTheBytesNotFromTheNameOrTheUploader() throws Exception {
    assertThat(
            typeOf(
                "page.pdf",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("application/octet-stream");
    assertThat(typeOf("scan.jpg", png())).isEqualTo("image/png");
    assertThat(typeOf("note.bin", "Plain words of a statement.\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
    assertThat(typeOf("tool.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}))
        .isEqualTo("application/octet-stream");

    long html =
        id(
            mvc.perform(
                    upload(
                            appeal,
                            "x.pdf",
                            "application/pdf",
                            "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8),
                            "OTHER")
                        .with(user("advocate").roles("ADVOCATE")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    mvc.perform(get("/api/evidence/" + html + "/content").with(user("advocate").roles("ADVOCATE")))
        .andExpect(content().contentType("application/octet-stream"))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
  }

  @Test
  void fileNamesLoseTheirPathsAndControlCharacters() throws Exception {
    assertThat(nameOf("../../etc/passwd")).isEqualTo("passwd");
    assertThat(nameOf("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
    assertThat(nameOf("reply\r\nSet-Cookie: x=1.pdf")).isEqualTo("replySet-Cookie_ x=1.pdf");
    assertThat(nameOf("..")).isEqualTo("evidence");
    assertThat(nameOf("\u202Efdp.exe")).isEqualTo("fdp.exe");
    long crlf =
        id(
            mvc.perform(
                    upload(appeal, "a\r\nb.pdf", "application/pdf", pdf(), "STATEMENT")
                        .with(user("advocate").roles("ADVOCATE")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    String disposition =
        mvc.perform(
                get("/api/evidence/" + crlf + "/content").with(user("advocate").roles("ADVOCATE")))
            .andReturn()
            .getResponse()
            .getHeader("Content-Disposition");
    assertThat(disposition).isEqualTo("attachment; filename=\"ab.pdf\"").doesNotContain("\r", "\n");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
    long limit = 2L * 1024 * 1024; // application-test.yml
    int before = count();
    mvc.perform(
            upload(appeal, "big.pdf", "application/pdf", new byte[(int) limit + 1], "OTHER")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isPayloadTooLarge());

    // Through the real server too, where the container parses the upload.
    String boundary = "----evidence" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + (int) limit + 1 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/appeals/" + appeal + "/evidence"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("advocate:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void badFieldsAreNamedAndChangeNothing() throws Exception {
    int before = count();
    mvc.perform(
            upload(appeal, "a.pdf", "application/pdf", pdf(), "GOSSIP")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("kind"));
    mvc.perform(
            upload(appeal, "a.pdf", "application/pdf", pdf(), "STATEMENT")
                .param("sourceUrl", "file:///etc/passwd")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sourceUrl"));
    mvc.perform(
            upload(appeal, "empty.pdf", "application/pdf", new byte[0], "STATEMENT")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(
            upload(99999999L, "a.pdf", "application/pdf", pdf(), "STATEMENT")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isNotFound());
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void storedBytesThatChangedAreReportedNotServed() throws Exception {
    long id =
        id(
            mvc.perform(
                    upload(appeal, "act.pdf", "application/pdf", pdf(), "SANCTION_ACT")
                        .with(user("coordinator").roles("COORDINATOR")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    jdbc.sql(
            "UPDATE evidence_content SET bytes = overlay(bytes placing '\\x00'::bytea from 20) WHERE evidence_id = ?")
        .param(id)
        .update();
    String answer =
        mvc.perform(get("/api/evidence/" + id + "/content").with(user("manager").roles("MANAGER")))
            .andExpect(status().isInternalServerError())
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(
                jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("integrity check")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).doesNotContain("%PDF");
  }

  @Test
  void onlyAnAdminRemovesEvidenceWithAReasonThatStaysInTheTimeline() throws Exception {
    long id =
        id(
            mvc.perform(
                    upload(appeal, "wrong.pdf", "application/pdf", pdf(), "OTHER")
                        .with(user("advocate").roles("ADVOCATE")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    mvc.perform(delete("/api/evidence/" + id).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/evidence/" + id).with(user("admin").roles("ADMIN")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            delete("/api/evidence/" + id)
                .param("reason", "Uploaded to the wrong appeal")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/evidence/" + id + "/content").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isNotFound());
    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("EVIDENCE_REMOVED");
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.detail()).contains("wrong.pdf", "Uploaded to the wrong appeal");
            });
  }

  @Test
  void theResponseStepTakesItsLetterInTheSameStep() throws Exception {
    drill.draftAndApprove(appeal);
    drill.submit(appeal, LocalDate.now(clock).toString());
    String task = drill.awaitTask(appeal, TaskKey.RECORD_RESPONSE).id();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/tasks/" + task + "/claim")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk());
    byte[] letter = pdf();
    mvc.perform(
            multipart("/api/tasks/" + task + "/complete")
                .file(new MockMultipartFile("file", "odgovor.pdf", "application/pdf", letter))
                .param("receivedAt", LocalDate.now(clock).toString())
                .param("kind", "CONDEMNED")
                .param("summary", "Condemns the sham vote")
                .with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk());
    var kept =
        jdbc.sql(
                "SELECT kind, filename, uploaded_by FROM evidence WHERE appeal_id = ? AND kind <> 'DELIVERY'")
            .param(appeal)
            .query()
            .listOfRows();
    assertThat(kept)
        .singleElement()
        .isEqualTo(
            Map.of(
                "kind", "RESPONSE_LETTER", "filename", "odgovor.pdf", "uploaded_by", "advocate"));
    assertThat(appeals.detail(appeal).response().kind().name()).isEqualTo("CONDEMNED");
    assertThat(ADVOCATE.username()).isEqualTo("advocate");
  }

  // --- helpers

  private MockMultipartHttpServletRequestBuilder upload(
      long appealId, String name, String type, byte[] bytes, String kind) {
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/appeals/" + appealId + "/evidence");
    request.file(new MockMultipartFile("file", name, type, bytes)).param("kind", kind);
    return request;
  }

  private String typeOf(String name, byte[] bytes) throws Exception {
    return JsonPath.read(
        mvc.perform(
                upload(appeal, name, "application/pdf", bytes, "OTHER")
                    .with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.contentType");
  }

  private String nameOf(String name) {
    return EvidenceService.safeName(name);
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM evidence").query(Integer.class).single();
  }

  private static long id(String json) {
    return ((Number) JsonPath.read(json, "$.id")).longValue();
  }

  /** A small, real PDF: header, a binary comment line and random content. */
  static byte[] pdf() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(noise);
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
