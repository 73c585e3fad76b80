package org.bucn.tracker.opendata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.target.Holder;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export: FollowTheMoney entities ({@code {id, schema, properties: {name: [values]}}}) for the
 * offices, their holders, and the sanctions adopted or aligned with. Property names and value
 * formats as the FtM schema has them: dates ISO, countries as lower-case ISO codes.
 */
@Service
public class FollowTheMoney {

  /** One FtM entity. */
  public record Entity(String id, String schema, Map<String, List<String>> properties) {}

  private final TargetService targets;
  private final CampaignService campaigns;
  private final JdbcClient jdbc;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  FollowTheMoney(
      TargetService targets,
      CampaignService campaigns,
      JdbcClient jdbc,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.targets = targets;
    this.campaigns = campaigns;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The entities as FtM files carry them: one JSON object per line. */
  public String ndjson(List<Entity> entities) {
    StringBuilder out = new StringBuilder();
    for (Entity entity : entities) {
      try {
        out.append(json.writeValueAsString(entity)).append('\n');
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("An entity of strings is always writable", e);
      }
    }
    return out.toString();
  }

  /** Everything: every office in the directory and every sanction recorded. */
  @Transactional(readOnly = true)
  public List<Entity> all() {
    return export(targets.findAll(), null);
  }

  /** One campaign's offices and sanctions. */
  @Transactional(readOnly = true)
  public List<Entity> campaign(long campaignId) {
    return export(targets.findAll(campaigns.get(campaignId).targetIds()), campaignId);
  }

  private List<Entity> export(List<Target> offices, Long campaignId) {
    Map<String, Entity> entities = new LinkedHashMap<>();
    Map<Long, List<Holder>> holders = targets.holders(offices.stream().map(Target::id).toList());
    for (Target office : offices) {
      String country = office.countryCode().toLowerCase(Locale.ROOT);
      String bodyId = id("body", office.countryCode(), office.office());
      String positionId = id("position", office.countryCode(), office.office());
      add(
          entities,
          new Entity(
              bodyId,
              "PublicBody",
              properties(
                  "name",
                  office.office() + ", " + office.country(),
                  "country",
                  country,
                  "website",
                  office.website(),
                  "email",
                  office.email())));
      add(
          entities,
          new Entity(
              positionId,
              "Position",
              properties(
                  "name",
                  office.office() + " (" + office.country() + ")",
                  "country",
                  country,
                  "organization",
                  bodyId)));
      for (Holder holder : holders.getOrDefault(office.id(), List.of())) {
        String personId = id("person", office.countryCode(), holder.name());
        add(
            entities,
            new Entity(personId, "Person", properties("name", holder.name(), "country", country)));
        add(
            entities,
            new Entity(
                id("occupancy", personId, positionId, String.valueOf(holder.from())),
                "Occupancy",
                properties(
                    "holder",
                    personId,
                    "post",
                    positionId,
                    "startDate",
                    date(holder.from()),
                    "endDate",
                    date(holder.to()),
                    "status",
                    holder.to() == null ? "current" : "ended")));
      }
    }
    for (Designation d : designations(campaignId)) {
      String country = d.countryCode().toLowerCase(Locale.ROOT);
      boolean wikidata = d.openSanctionsId() != null && d.openSanctionsId().matches("Q[0-9]+");
      String entityId =
          d.openSanctionsId() != null
              ? id("entity", d.openSanctionsId())
              : id("entity", d.kind(), d.name());
      add(
          entities,
          new Entity(
              entityId,
              d.kind().equals("PERSON") ? "Person" : "Organization",
              properties(
                  "name",
                  d.name(),
                  "wikidataId",
                  wikidata ? d.openSanctionsId() : null,
                  "sourceUrl",
                  d.openSanctionsId() == null
                      ? null
                      : "https://www.opensanctions.org/entities/" + d.openSanctionsId() + "/")));
      add(
          entities,
          new Entity(
              id(
                  "sanction",
                  d.countryCode(),
                  entityId,
                  d.measure(),
                  d.legalAct(),
                  String.valueOf(d.decidedOn())),
              "Sanction",
              properties(
                  "entity",
                  entityId,
                  "authority",
                  "Government of " + d.country(),
                  "country",
                  country,
                  "program",
                  d.legalAct() != null ? d.legalAct() : d.measure(),
                  "provisions",
                  d.measure(),
                  "sourceUrl",
                  d.sourceUrl(),
                  "startDate",
                  date(d.decidedOn()),
                  "status",
                  d.status().toLowerCase(Locale.ROOT))));
    }
    return new ArrayList<>(entities.values());
  }

  record Designation(
      String countryCode,
      String country,
      String status,
      String measure,
      LocalDate decidedOn,
      String sourceUrl,
      String name,
      String kind,
      String openSanctionsId,
      String legalAct) {}

  private List<Designation> designations(Long campaignId) {
    return jdbc.sql(
            """
            SELECT country_code, country, status, measure, decided_on, source_url, name, kind, opensanctions_id AS open_sanctions_id,
                   coalesce(legal_act, reference) AS legal_act
              FROM sanction_designation
             WHERE (CAST(? AS bigint) IS NULL OR campaign_id = ?)
             ORDER BY outcome_id, position
            """)
        .params(campaignId, campaignId)
        .query(Designation.class)
        .list();
  }

  /**
   * Two entities of the same id are the same thing said twice (an office in two campaigns): kept
   * once.
   */
  private static void add(Map<String, Entity> entities, Entity entity) {
    entities.putIfAbsent(entity.id(), entity);
  }

  /** Property values as FtM has them: lists of strings; absent values left out. */
  private static Map<String, List<String>> properties(String... namesAndValues) {
    Map<String, List<String>> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String value = namesAndValues[i + 1];
      if (value != null && !value.isBlank()) {
        properties.put(namesAndValues[i], List.of(value));
      }
    }
    return properties;
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** A stable id: the same data gives the same id in every export, on every installation. */
  static String id(String kind, String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      for (String part : parts) {
        sha.update(String.valueOf(part).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "bucn-" + kind + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
