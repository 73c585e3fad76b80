package org.bucn.tracker.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The FollowTheMoney export: only schemas and properties the FtM model has, stable ids, and no
 * sanction without its entity.
 */
@TrackerTest
class OpenDataTests {

  /**
   * The schemas the export uses and the properties each has in the FtM model
   * (followthemoney/schema/*.yaml: Thing, LegalEntity, Organization, PublicBody, Person, Position,
   * Interval, Occupancy, Sanction), limited to properties a schema owns or inherits.
   */
  static final Map<String, Set<String>> FTM =
      Map.of(
          "PublicBody",
              Set.of(
                  "name",
                  "country",
                  "alias",
                  "sourceUrl",
                  "wikidataId",
                  "email",
                  "website",
                  "phone",
                  "legalForm",
                  "status"),
          "Organization",
              Set.of(
                  "name",
                  "country",
                  "alias",
                  "sourceUrl",
                  "wikidataId",
                  "email",
                  "website",
                  "phone",
                  "legalForm",
                  "status"),
          "Person",
              Set.of(
                  "name",
                  "country",
                  "alias",
                  "sourceUrl",
                  "wikidataId",
                  "email",
                  "website",
                  "nationality",
                  "birthDate",
                  "position"),
          "Position",
              Set.of(
                  "name",
                  "country",
                  "alias",
                  "sourceUrl",
                  "wikidataId",
                  "organization",
                  "inceptionDate",
                  "dissolutionDate",
                  "subnationalArea"),
          "Occupancy",
              Set.of(
                  "holder",
                  "post",
                  "startDate",
                  "endDate",
                  "date",
                  "status",
                  "declarationDate",
                  "summary",
                  "description",
                  "sourceUrl"),
          "Sanction",
              Set.of(
                  "entity",
                  "authority",
                  "authorityId",
                  "program",
                  "programId",
                  "programUrl",
                  "provisions",
                  "status",
                  "duration",
                  "reason",
                  "country",
                  "listingDate",
                  "startDate",
                  "endDate",
                  "date",
                  "summary",
                  "description",
                  "sourceUrl"));

  static final Set<String> DATES =
      Set.of(
          "startDate",
          "endDate",
          "date",
          "birthDate",
          "inceptionDate",
          "dissolutionDate",
          "listingDate");
  static final Set<String> ENTITY_REFS = Set.of("entity", "holder", "post", "organization");

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired ObjectMapper json;

  @Test
  void theExportHoldsOnlyWhatTheModelKnowsWithStableIdsAndEverySanctionsEntity() throws Exception {
    Campaign campaign = sanctionedCampaign();
    String export =
        mvc.perform(
                get("/api/campaigns/" + campaign.id() + "/export/ftm")
                    .with(httpBasic("manager", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<JsonNode> entities = new ArrayList<>();
    for (String line : export.split("\n")) {
      entities.add(json.readTree(line));
    }
    Set<String> ids = new HashSet<>();
    entities.forEach(e -> ids.add(e.path("id").asText()));
    assertThat(ids).as("ids unique").hasSize(entities.size());
    for (JsonNode entity : entities) {
      String schema = entity.path("schema").asText();
      assertThat(FTM).as("schema " + schema).containsKey(schema);
      entity
          .path("properties")
          .properties()
          .forEach(
              p -> {
                assertThat(FTM.get(schema)).as(schema + "." + p.getKey()).contains(p.getKey());
                assertThat(p.getValue().isArray() && !p.getValue().isEmpty())
                    .as("values as a list")
                    .isTrue();
                p.getValue()
                    .forEach(
                        v -> {
                          assertThat(v.isTextual()).isTrue();
                          if (DATES.contains(p.getKey())) {
                            assertThat(v.asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                          }
                          if (p.getKey().equals("country")) {
                            assertThat(v.asText()).matches("[a-z]{2}");
                          }
                          if (ENTITY_REFS.contains(p.getKey())) {
                            assertThat(ids)
                                .as(schema + "." + p.getKey() + " points into the export")
                                .contains(v.asText());
                          }
                        });
              });
    }
    List<JsonNode> sanctions =
        entities.stream().filter(e -> e.path("schema").asText().equals("Sanction")).toList();
    assertThat(sanctions)
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.path("properties").path("entity")).isNotEmpty();
              assertThat(s.path("properties").path("country").get(0).asText()).isEqualTo("al");
              assertThat(s.path("properties").path("startDate").get(0).asText())
                  .isEqualTo(LocalDate.now().toString());
            });
    assertThat(entities)
        .anySatisfy(
            e -> {
              assertThat(e.path("schema").asText()).isEqualTo("Person");
              assertThat(e.path("properties").path("wikidataId").path(0).asText())
                  .isEqualTo("Q999999999");
            });
    assertThat(entities).anyMatch(e -> e.path("schema").asText().equals("Occupancy"));

    String again =
        mvc.perform(
                get("/api/campaigns/" + campaign.id() + "/export/ftm")
                    .with(httpBasic("coordinator", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).as("the same data, the same ids").isEqualTo(export);
    mvc.perform(get("/api/export/ftm").with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/export/ftm").with(httpBasic("admin", "demo"))).andExpect(status().isOk());

    mvc.perform(get("/public/campaigns/" + campaign.id() + ".ftm.json"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/campaigns/" + campaign.id() + "/publish")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(
            mvc.perform(get("/public/campaigns/" + campaign.id() + ".ftm.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .isEqualTo(export);
  }

  @Test
  void entitiesAreForAdoptedOrAlignedSanctionsAndEachNeedsAName() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.SANCTIONS), "P14D", 3, "P30D", "BG");
    long appeal = respondedAppeal(campaign, "BG");
    String task = drill.awaitTask(appeal, TaskKey.TRACK_SANCTION).id();
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"PENDING\",\"entities\":[{\"name\":\"Too early\",\"kind\":\"PERSON\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("entities"));
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"ADOPTED\",\"measure\":\"Asset freeze\",\"decidedAt\":\""
                        + LocalDate.now()
                        + "\",\"entities\":[{\"name\":\" \",\"kind\":\"PERSON\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("entities[0].name"));
    assertThat(drill.openTask(appeal, TaskKey.TRACK_SANCTION))
        .as("nothing was recorded")
        .isPresent();
  }

  @Test
  void theSanctionFormTakesOneEntityPerLine() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.SANCTIONS), "P14D", 3, "P30D", "RO");
    long appeal = respondedAppeal(campaign, "RO");
    String task = drill.awaitTask(appeal, TaskKey.TRACK_SANCTION).id();
    var advocate =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("advocate")
            .roles("ADVOCATE");
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();
    String refused =
        mvc.perform(
                post("/tasks/" + task + "/complete")
                    .with(advocate)
                    .with(csrf)
                    .param("status", "ADOPTED")
                    .param("measure", "Asset freeze")
                    .param("decidedAt", LocalDate.now().toString())
                    .param("entities", "Nobody knows what"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("line 1 must read");
    assertThat(drill.openTask(appeal, TaskKey.TRACK_SANCTION)).isPresent();

    mvc.perform(
            post("/tasks/" + task + "/complete")
                .with(advocate)
                .with(csrf)
                .param("status", "ADOPTED")
                .param("measure", "Asset freeze")
                .param("decidedAt", LocalDate.now().toString())
                .param(
                    "entities",
                    "Example Person | person | Q999999998 | Decision 1/2026\r\n\r\nExample Bank | Organisation"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/appeals/" + appeal).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.sanctionChecks[0].entities[0].name").value("Example Person"))
        .andExpect(jsonPath("$.sanctionChecks[0].entities[0].openSanctionsId").value("Q999999998"))
        .andExpect(jsonPath("$.sanctionChecks[0].entities[0].legalAct").value("Decision 1/2026"))
        .andExpect(jsonPath("$.sanctionChecks[0].entities[1].kind").value("ORGANISATION"))
        .andExpect(jsonPath("$.sanctionChecks[0].entities.length()").value(2));
  }

  private Campaign sanctionedCampaign() throws Exception {
    Campaign campaign =
        drill.launch(Set.of(Demand.CONDEMNATION, Demand.SANCTIONS), "P14D", 3, "P30D", "AL");
    long appeal = respondedAppeal(campaign, "AL");
    drill.awaitTask(appeal, TaskKey.TRACK_SANCTION);
    drill.complete(
        appeal,
        TaskKey.TRACK_SANCTION,
        CampaignDrill.ADVOCATE,
        Map.of(
            "status",
            "ALIGNED",
            "measure",
            "Alignment with the EU's listings",
            "decidedAt",
            LocalDate.now().toString(),
            "sourceUrl",
            "https://example.org/decision",
            "entities",
            List.of(
                Map.of(
                    "name",
                    "Example Person",
                    "kind",
                    "PERSON",
                    "openSanctionsId",
                    "Q999999999",
                    "legalAct",
                    "Council Decision (CFSP) 2023/XX (example)"),
                Map.of("name", "Example Holding LLC", "kind", "ORGANISATION"))));
    return campaign;
  }

  private long respondedAppeal(Campaign campaign, String country) {
    long appeal = drill.appeal(campaign, country);
    drill.draftAndApprove(appeal);
    drill.submit(appeal, LocalDate.now().minusDays(5).toString());
    drill.respond(appeal, "CONDEMNED", LocalDate.now().toString());
    return appeal;
  }
}
