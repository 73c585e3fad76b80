package org.bucn.tracker.alignment;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.CsvFiles;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.InvalidFieldsException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records acts and alignments, imports both from CSV, reads a country's rates, and drafts an appeal
 * against a non-alignment.
 */
@Service
public class CfspAlignments {

  /**
   * The import's columns, one row per act × country; the act's own columns repeat on each of its
   * rows.
   */
  static final List<String> COLUMNS =
      List.of("reference", "date", "title", "url", "topic", "country", "aligned", "source");

  private final JdbcClient jdbc;
  private final Validator validator;
  private final TargetService targets;
  private final CampaignService campaigns;

  CfspAlignments(
      JdbcClient jdbc, Validator validator, TargetService targets, CampaignService campaigns) {
    this.jdbc = jdbc;
    this.validator = validator;
    this.targets = targets;
    this.campaigns = campaigns;
  }

  @Transactional
  public CfspAct record(ActRequest act, Actor actor) {
    Set<ConstraintViolation<ActRequest>> violations = validator.validate(act);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    Long id =
        jdbc.sql(
                """
            INSERT INTO cfsp_act (reference, adopted_on, title, url, topic, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (reference) DO NOTHING RETURNING id
            """)
            .params(
                act.reference(), act.date(), act.title(), act.url(), act.topic(), actor.username())
            .query(Long.class)
            .optional()
            .orElseThrow(
                () ->
                    new ConflictException(
                        "reference", "refusal.alignment.actExists", act.reference()));
    return get(id);
  }

  /** Records (or corrects) whether the country aligned with the act. */
  @Transactional
  public CfspAct align(
      long actId, String countryCode, Boolean aligned, String source, Actor actor) {
    get(actId);
    String code = country(countryCode, "countryCode");
    if (aligned == null) {
      throw new InvalidFieldException("aligned", "refusal.alignment.alignedRequired");
    }
    if (source != null && source.length() > 500) {
      throw new InvalidFieldException("source", "refusal.text.atMost", 500);
    }
    upsert(actId, code, aligned, source, actor);
    return get(actId);
  }

  /**
   * Imports acts and alignments from CSV ({@link #COLUMNS}, with a header line): all of it, or,
   * when any line is wrong, nothing, with every wrong line named.
   */
  @Transactional
  public int importCsv(String csv, Actor actor) {
    List<CSVRecord> rows = CsvFiles.rows(csv, COLUMNS);
    Set<String> countries = countryCodes();
    List<InvalidFieldException> errors = new ArrayList<>();
    Map<String, ActRequest> acts = new LinkedHashMap<>();
    record Alignment(String reference, String countryCode, boolean aligned, String source) {}
    List<Alignment> alignments = new ArrayList<>();
    for (CSVRecord row : rows) {
      String line = "line " + (row.getRecordNumber() + 1);
      Map<String, String> cells = new LinkedHashMap<>();
      for (String column : COLUMNS) {
        cells.put(column, row.isMapped(column) && row.isSet(column) ? row.get(column) : "");
        if (cells.get(column).indexOf('\u0000') >= 0) {
          errors.add(error(line + ": " + column, "refusal.text.nul"));
          cells.put(column, cells.get(column).replace("\u0000", ""));
        }
      }
      if (cells.get("source").length() > 500) {
        errors.add(error(line + ": source", "refusal.text.atMost", 500));
      }
      LocalDate date = null;
      try {
        date = cells.get("date").isBlank() ? null : LocalDate.parse(cells.get("date"));
      } catch (DateTimeParseException e) {
        errors.add(error(line + ": date", "refusal.json.notA", "date"));
      }
      ActRequest act =
          new ActRequest(
              cells.get("reference"),
              date,
              cells.get("title"),
              cells.get("url"),
              cells.get("topic"));
      validator
          .validate(act)
          .forEach(
              v ->
                  errors.add(
                      error(line + ": " + v.getPropertyPath(), "refusal.checked", v.getMessage())));
      ActRequest earlier = acts.putIfAbsent(act.reference() == null ? "" : act.reference(), act);
      if (earlier != null && !earlier.equals(act)) {
        errors.add(error(line + ": reference", "refusal.alignment.actGivenTwice"));
      }
      String aligned = cells.get("aligned").toLowerCase(Locale.ROOT);
      if (!Set.of("true", "false", "yes", "no").contains(aligned)) {
        errors.add(error(line + ": aligned", "refusal.json.notA", "boolean"));
      }
      try {
        alignments.add(
            new Alignment(
                act.reference(),
                country(cells.get("country"), line + ": country", countries),
                aligned.equals("true") || aligned.equals("yes"),
                cells.get("source").isBlank() ? null : cells.get("source")));
      } catch (InvalidFieldException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    Map<String, Long> actIds = new LinkedHashMap<>();
    for (ActRequest act : acts.values()) {
      actIds.put(
          act.reference(),
          jdbc.sql(
                  """
              INSERT INTO cfsp_act (reference, adopted_on, title, url, topic, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (reference) DO UPDATE SET adopted_on = EXCLUDED.adopted_on, title = EXCLUDED.title, url = EXCLUDED.url,
                     topic = EXCLUDED.topic
              RETURNING id
              """)
              .params(
                  act.reference(),
                  act.date(),
                  act.title(),
                  act.url(),
                  act.topic(),
                  actor.username())
              .query(Long.class)
              .single());
    }
    for (Alignment a : alignments) {
      upsert(actIds.get(a.reference()), a.countryCode(), a.aligned(), a.source(), actor);
    }
    return alignments.size();
  }

  @Transactional(readOnly = true)
  public List<CfspAct> acts() {
    return read(null);
  }

  @Transactional(readOnly = true)
  public CfspAct get(long id) {
    return read(id).stream().findFirst().orElseThrow(() -> new NotFoundException("act", id));
  }

  /**
   * One act, or every act when {@code id} is null, newest first: two queries whatever their number.
   */
  private List<CfspAct> read(Long id) {
    record Row(
        long id, String reference, LocalDate adoptedOn, String title, String url, String topic) {}
    record Aligned(long actId, String countryCode, boolean aligned, String source) {}
    List<Row> acts =
        jdbc.sql(
                "SELECT id, reference, adopted_on, title, url, topic FROM cfsp_act WHERE CAST(? AS bigint) IS NULL OR id = ?"
                    + " ORDER BY adopted_on DESC, id DESC")
            .params(id, id)
            .query(Row.class)
            .list();
    Map<Long, List<CfspAct.Alignment>> alignments =
        jdbc
            .sql(
                "SELECT act_id, country_code, aligned, source FROM cfsp_alignment WHERE CAST(? AS bigint) IS NULL OR act_id = ? ORDER BY country_code")
            .params(id, id)
            .query(Aligned.class)
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Aligned::actId,
                    Collectors.mapping(
                        a -> new CfspAct.Alignment(a.countryCode(), a.aligned(), a.source()),
                        Collectors.toList())));
    return acts.stream()
        .map(
            a ->
                new CfspAct(
                    a.id(),
                    a.reference(),
                    a.adoptedOn(),
                    a.title(),
                    a.url(),
                    a.topic(),
                    alignments.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /**
   * The country's alignment: per act, per year of adoption and overall, over the acts with an
   * alignment recorded for it.
   */
  @Transactional(readOnly = true)
  public CountryAlignment country(String countryCode) {
    String code = countryCode.toUpperCase(Locale.ROOT);
    return alignments(code)
        .getOrDefault(code, new CountryAlignment(code, List.of(), List.of(), null, List.of()));
  }

  /**
   * Every country with an alignment or a published rate recorded, by ISO code (the portfolio
   * dashboard's column).
   */
  @Transactional(readOnly = true)
  public Map<String, CountryAlignment> byCountry() {
    return alignments(null);
  }

  /**
   * One country's alignment, or every country's when {@code code} is null: two queries whatever
   * their number.
   */
  private Map<String, CountryAlignment> alignments(String code) {
    record Aligned(String countryCode, CountryAlignment.Act act) {}
    Map<String, List<CountryAlignment.Act>> acts =
        jdbc
            .sql(
                """
            SELECT l.country_code, a.id AS act_id, a.reference, a.adopted_on, a.title, a.url, l.aligned, l.source
              FROM cfsp_alignment l JOIN cfsp_act a ON a.id = l.act_id
             WHERE CAST(? AS varchar) IS NULL OR l.country_code = ? ORDER BY a.adopted_on DESC, a.id DESC
            """)
            .params(code, code)
            .query(
                (rs, n) ->
                    new Aligned(
                        rs.getString("country_code"),
                        new CountryAlignment.Act(
                            rs.getLong("act_id"),
                            rs.getString("reference"),
                            rs.getObject("adopted_on", LocalDate.class),
                            rs.getString("title"),
                            rs.getString("url"),
                            rs.getBoolean("aligned"),
                            rs.getString("source"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Aligned::countryCode, Collectors.mapping(Aligned::act, Collectors.toList())));
    Map<String, List<PublishedRate>> published =
        publishedRates(code).stream().collect(Collectors.groupingBy(PublishedRate::countryCode));
    Map<String, CountryAlignment> countries = new TreeMap<>();
    for (String country :
        java.util.stream.Stream.concat(acts.keySet().stream(), published.keySet().stream())
            .distinct()
            .toList()) {
      countries.put(
          country,
          alignment(
              country,
              acts.getOrDefault(country, List.of()),
              published.getOrDefault(country, List.of())));
    }
    return countries;
  }

  private static CountryAlignment alignment(
      String code, List<CountryAlignment.Act> acts, List<PublishedRate> published) {
    Map<Integer, List<CountryAlignment.Act>> byYear =
        acts.stream()
            .collect(
                Collectors.groupingBy(a -> a.date().getYear(), TreeMap::new, Collectors.toList()));
    List<CountryAlignment.Year> years =
        byYear.entrySet().stream()
            .map(
                e -> {
                  long aligned =
                      e.getValue().stream().filter(CountryAlignment.Act::aligned).count();
                  return new CountryAlignment.Year(
                      e.getKey(),
                      e.getValue().size(),
                      aligned,
                      (double) aligned / e.getValue().size());
                })
            .toList();
    Double overall =
        acts.isEmpty()
            ? null
            : (double) acts.stream().filter(CountryAlignment.Act::aligned).count() / acts.size();
    return new CountryAlignment(code, acts, years, overall, published);
  }

  /**
   * Records (or corrects) a yearly rate as its publisher published it; one figure per country, year
   * and publisher.
   */
  @Transactional
  public List<PublishedRate> recordPublishedRate(PublishedRate rate, Actor actor) {
    Set<ConstraintViolation<PublishedRate>> violations = validator.validate(rate);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    String code = country(rate.countryCode(), "countryCode");
    jdbc.sql(
            """
            INSERT INTO cfsp_published_rate (country_code, year, percent, publisher, url, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (country_code, year, publisher) DO UPDATE SET percent = EXCLUDED.percent, url = EXCLUDED.url,
                   note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
            """)
        .params(
            code,
            rate.year(),
            rate.percent(),
            rate.publisher(),
            rate.url(),
            rate.note(),
            actor.username())
        .update();
    return publishedRates(code);
  }

  /**
   * One country's published rates, or every country's when {@code code} is null; newest year first.
   */
  private List<PublishedRate> publishedRates(String code) {
    return jdbc.sql(
            """
            SELECT country_code, year, percent, publisher, url, note FROM cfsp_published_rate
             WHERE CAST(? AS varchar) IS NULL OR country_code = ? ORDER BY year DESC, publisher
            """)
        .params(code, code)
        .query(PublishedRate.class)
        .list();
  }

  /**
   * "Appeal this non-alignment": a DRAFT campaign to the country's offices asking it to align with
   * the act, the act in its summary. Only where the country is recorded as not aligned.
   */
  @Transactional
  public Campaign appealNonAlignment(long actId, String countryCode, Actor actor) {
    CfspAct act = get(actId);
    String code = country(countryCode, "countryCode");
    boolean notAligned =
        act.alignments().stream().anyMatch(a -> a.countryCode().equals(code) && !a.aligned());
    if (!notAligned) {
      throw new ConflictException(
          "countryCode", "refusal.alignment.notRecordedNotAligned", code, act.reference());
    }
    List<Target> offices =
        targets.findAll().stream().filter(t -> t.countryCode().equals(code)).toList();
    String country = offices.get(0).country();
    String summary =
        "Ask "
            + country
            + " to align with "
            + act.reference()
            + " of "
            + act.date()
            + ": "
            + act.title()
            + (act.url() == null ? "" : " (" + act.url() + ")")
            + ". "
            + country
            + " is recorded as not aligned"
            + act.alignments().stream()
                .filter(a -> a.countryCode().equals(code) && a.source() != null)
                .map(a -> " (source: " + a.source() + ")")
                .findFirst()
                .orElse("")
            + ".";
    return campaigns.create(
        new CampaignRequest(
            "Align with " + act.reference() + ": " + country,
            summary,
            Set.of(Demand.SANCTIONS),
            "P14D",
            3,
            "P30D",
            offices.stream().map(Target::id).toList()),
        actor);
  }

  private void upsert(long actId, String code, boolean aligned, String source, Actor actor) {
    jdbc.sql(
            """
            INSERT INTO cfsp_alignment (act_id, country_code, aligned, source, recorded_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (act_id, country_code) DO UPDATE SET aligned = EXCLUDED.aligned, source = EXCLUDED.source,
                   recorded_by = EXCLUDED.recorded_by, recorded_at = now()
            """)
        .params(
            actId,
            code,
            aligned,
            source == null || source.isBlank() ? null : source.strip(),
            actor.username())
        .update();
  }

  /** A country of the target directory, by its ISO code in any case. */
  private String country(String countryCode, String field) {
    return country(countryCode, field, countryCodes());
  }

  private Set<String> countryCodes() {
    return targets.findAll().stream().map(Target::countryCode).collect(Collectors.toSet());
  }

  private static String country(String countryCode, String field, Set<String> countries) {
    String code = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
    if (!countries.contains(code)) {
      throw new InvalidFieldException(
          field, "refusal.alignment.notACountry", code.isEmpty() ? "—" : code);
    }
    return code;
  }

  private static InvalidFieldException error(String field, String code, Object... args) {
    return new InvalidFieldException(field, code, args);
  }
}
