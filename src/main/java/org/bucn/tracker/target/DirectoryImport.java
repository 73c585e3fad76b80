package org.bucn.tracker.target;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;
import org.bucn.tracker.shared.CsvFiles;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.InvalidFieldsException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A network arrives with its contacts in a spreadsheet: a CSV of offices (a header line; comma or
 * semicolon, as Excel writes it in each language), read line by line, each office matched to the
 * directory by country and office, and either added or changed through the directory's own rules
 * (holder history included). A preview says what each line would do and what is wrong with it;
 * applying changes all or, while any line is wrong, nothing.
 */
@Service
public class DirectoryImport {

  /** The columns, by their API names; countryCode, country, office, channel and language needed. */
  public static final List<String> COLUMNS =
      List.of(
          "countryCode",
          "country",
          "office",
          "holderName",
          "holderSince",
          "channel",
          "contact",
          "email",
          "postalAddress",
          "website",
          "verifiedOn",
          "source",
          "language",
          "languages");

  /** What a line does to the directory. */
  public enum Action {
    CREATE,
    UPDATE,
    UNCHANGED
  }

  /** One line: what it would do (or did), to which office, and what is wrong with it. */
  public record ImportLine(
      long line,
      Action action,
      Long targetId,
      String countryCode,
      String office,
      List<LineProblem> errors) {}

  /** A field of a line and what is wrong with it, in the reader's language. */
  public record LineProblem(String field, String message) {}

  /** The whole file: each line, the counts, and whether it was applied. */
  public record ImportReport(
      List<ImportLine> lines, int created, int updated, int unchanged, boolean applied) {}

  private final TargetService targets;
  private final Validator validator;
  private final Texts texts;

  DirectoryImport(TargetService targets, Validator validator, Texts texts) {
    this.targets = targets;
    this.validator = validator;
    this.texts = texts;
  }

  /** What the file would do, line by line; nothing changes. */
  @Transactional(readOnly = true)
  public ImportReport preview(String csv) {
    return read(csv, false, null);
  }

  /** Applies the file: every line, or, when any is wrong, nothing (400 naming each). */
  @Transactional
  public ImportReport apply(String csv, String by) {
    return read(csv, true, by);
  }

  private ImportReport read(String csv, boolean apply, String by) {
    List<CSVRecord> rows = rows(csv);
    Map<String, Target> directory = new LinkedHashMap<>();
    targets.findAll().forEach(t -> directory.put(key(t.countryCode(), t.office()), t));
    List<ImportLine> lines = new ArrayList<>();
    List<List<InvalidFieldException>> wrongs = new ArrayList<>();
    Map<String, Long> seen = new LinkedHashMap<>();
    List<TargetRequest> requests = new ArrayList<>();
    for (CSVRecord row : rows) {
      long number = row.getRecordNumber() + 1;
      List<InvalidFieldException> errors = new ArrayList<>();
      String key = key(cell(row, "countryCode"), cell(row, "office"));
      Target existing = directory.get(key);
      TargetRequest request = request(row, existing, errors);
      if (errors.isEmpty()) {
        validator
            .validate(request)
            .forEach(
                v ->
                    errors.add(
                        new InvalidFieldException(
                            v.getPropertyPath().toString(), "refusal.checked", v.getMessage())));
      }
      Long earlier = seen.putIfAbsent(key, number);
      if (earlier != null) {
        errors.add(new InvalidFieldException("office", "refusal.import.twice", earlier));
      }
      Action action =
          existing == null
              ? Action.CREATE
              : TargetRequest.of(existing).equals(request) ? Action.UNCHANGED : Action.UPDATE;
      lines.add(
          new ImportLine(
              number,
              action,
              existing == null ? null : existing.id(),
              request.countryCode(),
              request.office(),
              errors.stream().map(e -> new LineProblem(e.field(), texts.of(e))).toList()));
      wrongs.add(errors);
      requests.add(request);
    }
    boolean wrong = lines.stream().anyMatch(l -> !l.errors().isEmpty());
    if (apply && wrong) {
      List<InvalidFieldException> problems = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        for (InvalidFieldException e : wrongs.get(i)) {
          problems.add(
              new InvalidFieldException(
                  "line " + lines.get(i).line() + ": " + e.field(), e.code(), e.args()));
        }
      }
      throw new InvalidFieldsException(problems);
    }
    if (apply) {
      for (int i = 0; i < lines.size(); i++) {
        ImportLine line = lines.get(i);
        try {
          switch (line.action()) {
            case CREATE -> targets.create(requests.get(i), by);
            case UPDATE -> targets.update(line.targetId(), requests.get(i), by);
            case UNCHANGED -> {}
          }
        } catch (InvalidFieldException e) {
          // A rule of the directory itself (a holder's start before the last one's): the whole
          // import rolls back, naming the line.
          throw new InvalidFieldsException(
              List.of(
                  new InvalidFieldException(
                      "line " + line.line() + ": " + e.field(), e.code(), e.args())));
        }
      }
    }
    return new ImportReport(
        lines,
        count(lines, Action.CREATE),
        count(lines, Action.UPDATE),
        count(lines, Action.UNCHANGED),
        apply);
  }

  private static int count(List<ImportLine> lines, Action action) {
    return (int) lines.stream().filter(l -> l.action() == action).count();
  }

  private static String key(String countryCode, String office) {
    return (countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT))
        + "|"
        + (office == null ? "" : office.strip().toLowerCase(Locale.ROOT));
  }

  private static List<CSVRecord> rows(String csv) {
    List<CSVRecord> rows = CsvFiles.rows(csv, COLUMNS);
    List<String> missing =
        List.of("countryCode", "country", "office", "channel", "language").stream()
            .filter(c -> !rows.get(0).isMapped(c))
            .toList();
    if (!missing.isEmpty()) {
      throw new InvalidFieldException(
          "file", "refusal.import.columns", String.join(", ", missing), String.join(",", COLUMNS));
    }
    return rows;
  }

  /** A cell as typed; null when the file has no such column. */
  private static String cell(CSVRecord row, String column) {
    return row.isMapped(column) ? (row.isSet(column) ? row.get(column) : "") : null;
  }

  /**
   * The office as the line says it; a column the file does not have keeps what the directory holds
   * (a file of names and e-mails leaves the postal addresses alone), a blank cell empties it.
   */
  private static TargetRequest request(
      CSVRecord row, Target existing, List<InvalidFieldException> errors) {
    TargetRequest before = existing == null ? null : TargetRequest.of(existing);
    Map<String, String> cells = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      String value = cell(row, column);
      if (value == null) {
        value = before == null ? "" : String.valueOf(kept(before, column));
      }
      if (value.indexOf('\u0000') >= 0) {
        errors.add(new InvalidFieldException(column, "refusal.text.nul"));
        value = value.replace("\u0000", "");
      }
      cells.put(column, value);
    }
    Channel channel = null;
    if (!cells.get("channel").isBlank()) {
      try {
        channel = Channel.valueOf(cells.get("channel").strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new InvalidFieldException("channel", "refusal.oneOf", Refusal.codes(Channel.values())));
      }
    }
    LocalDate holderSince = date(cells, "holderSince", errors);
    if (holderSince == null
        && before != null
        && Objects.equals(before.holderName(), blankToNull(cells.get("holderName")))) {
      // The same holder without a date keeps the date the directory has.
      holderSince = before.holderSince();
    }
    return new TargetRequest(
        cells.get("countryCode"),
        cells.get("country"),
        cells.get("office"),
        cells.get("holderName"),
        holderSince,
        channel,
        cells.get("contact"),
        cells.get("email"),
        cells.get("postalAddress"),
        cells.get("website"),
        date(cells, "verifiedOn", errors),
        cells.get("source"),
        cells.get("language"),
        Arrays.stream(cells.get("languages").split("[\\s|]+")).filter(l -> !l.isBlank()).toList());
  }

  /** What the directory holds in a column, written as the file would write it; "" for nothing. */
  private static Object kept(TargetRequest t, String column) {
    Object value =
        switch (column) {
          case "countryCode" -> t.countryCode();
          case "country" -> t.country();
          case "office" -> t.office();
          case "holderName" -> t.holderName();
          case "holderSince" -> t.holderSince();
          case "channel" -> t.channel();
          case "contact" -> t.contact();
          case "email" -> t.email();
          case "postalAddress" -> t.postalAddress();
          case "website" -> t.website();
          case "verifiedOn" -> t.verifiedOn();
          case "source" -> t.source();
          case "language" -> t.language();
          case "languages" -> String.join(" ", t.languages());
          default -> null;
        };
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(
      Map<String, String> cells, String column, List<InvalidFieldException> errors) {
    String value = cells.get(column).strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new InvalidFieldException(column, "refusal.json.notA", "date"));
      return null;
    }
  }
}
