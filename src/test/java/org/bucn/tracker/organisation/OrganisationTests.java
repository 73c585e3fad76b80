package org.bucn.tracker.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The letterhead and signatories: kept by admins, printed on every letter; a logo that could run or
 * fetch anything is refused.
 */
@TrackerTest
class OrganisationTests {

  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisation;
  @Autowired CampaignDrill drill;

  Organisation before;

  @BeforeEach
  void remember() {
    before = organisation.get();
  }

  @AfterEach
  void restore() {
    organisation.save(
        new OrganisationRequest(
            before.name(),
            before.postalAddress(),
            before.email(),
            before.website(),
            before.signatories()),
        "test");
    organisation.removeLogo("test");
  }

  /**
   * A letterhead refused for one field comes back with everything typed and the error on that
   * field; nothing is saved.
   */
  @Test
  void aRefusedLetterheadComesBackAsTypedAndNothingIsSaved() throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/admin/organisation")
                .with(user("admin").roles("ADMIN"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "Mreža za saradnju")
                .param("postalAddress", "Trg 1\nSarajevo")
                .param("email", "not an address")
                .param("website", "https://network.example")
                .param("signatories", "bs | Amra Hadžić | Koordinatorica"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("value=\"Mreža za saradnju\""),
                        org.hamcrest.Matchers.containsString("Trg 1\nSarajevo</textarea>"),
                        org.hamcrest.Matchers.containsString(
                            "bs | Amra Hadžić | Koordinatorica</textarea>"),
                        org.hamcrest.Matchers.containsString("id=\"email-error\""))));
    assertThat(organisation.get().name()).isEqualTo(before.name());
  }

  @Test
  void adminsSetTheLetterheadAndEveryLetterCarriesItAndItsSignatory() throws Exception {
    mvc.perform(
            put("/api/admin/organisation")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
            {"name": "Balkan-Ukrainian cooperation network", "postalAddress": "Example street 1, 11000 Beograd",
             "email": "office@bucn.example", "website": "https://bucn.example",
             "signatories": {"en": {"name": "Ana Example", "title": "Coordinator"}, "hr": {"name": "Ana Example", "title": "Koordinatorica mreže",
               "organisation": "Balkansko-ukrajinska mreža suradnje"}}}
            """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.signatories.hr.title").value("Koordinatorica mreže"))
        .andExpect(
            jsonPath("$.signatories.hr.organisation").value("Balkansko-ukrajinska mreža suradnje"));
    mvc.perform(
            put("/api/admin/organisation")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"X\", \"email\": \"not mail\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    mvc.perform(get("/api/admin/organisation").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(logo(png())).andExpect(status().isNoContent());

    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Vaša Ekselencijo, …", "language", "hr", "subject", "Apel"));
    drill.complete(
        appeal, TaskKey.REVIEW_APPEAL, CampaignDrill.COORDINATOR, Map.of("decision", "APPROVE"));
    byte[] pdf =
        mvc.perform(
                get("/appeals/{id}/letter.pdf", appeal).with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .as(
              "a Croatian letter names its sender in Croatian, in the letterhead and under the signature")
          .contains("Balkansko-ukrajinska mreža suradnje")
          .doesNotContain("Balkan-Ukrainian")
          .contains("office@bucn.example")
          .contains("Predsjednik Republike Hrvatske")
          .contains("Njegova Ekselencija gospodin Zoran Milanović")
          .contains("Ana Example Koordinatorica mreže");
      assertThat(document.getPage(0).getResources().getXObjectNames()).as("the logo").isNotEmpty();
    }
  }

  @Test
  void aLogoIsAPngOrAnSvgThatRunsAndFetchesNothing() throws Exception {
    String clean =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#0057b7\"/></svg>";
    mvc.perform(logo(clean.getBytes(StandardCharsets.UTF_8))).andExpect(status().isNoContent());
    mvc.perform(get("/organisation/logo").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/svg+xml"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.startsWith("default-src 'none'")));
    for (String hostile :
        new String[] {
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"https://evil.example/x.svg#a\"/></svg>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>",
          "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://evil.example/a)\" width=\"1\" height=\"1\"/></svg>"
        }) {
      mvc.perform(logo(hostile.getBytes(StandardCharsets.UTF_8)))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("logo"));
    }
    mvc.perform(logo("just text".getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest());
    mvc.perform(logo(new byte[OrganisationService.LOGO_MAX + 1]))
        .andExpect(status().isPayloadTooLarge());
    assertThat(organisation.logo().orElseThrow().contentType())
        .as("the clean one stays")
        .isEqualTo("image/svg+xml");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder logo(
      byte[] bytes) {
    return multipart(HttpMethod.PUT, "/api/admin/organisation/logo")
        .file(new MockMultipartFile("logo", "logo", "image/png", bytes))
        .with(httpBasic("admin", "demo"));
  }

  private static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
