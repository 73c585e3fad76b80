package org.bucn.tracker.cosigning;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.bucn.tracker.shared.CsvFiles;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.InvalidFieldsException;
import org.bucn.tracker.user.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinators' side of a sign-on: open or close it, every signature with its e-mail and state,
 * approve or reject, correct a typo, import those who signed by other means, export.
 */
@RestController
class SignatoryApiController {

  /** The columns an import reads (a header line names them; only {@code name} is required). */
  static final List<String> IMPORT_COLUMNS =
      List.of("organisation", "country", "website", "name", "title", "email", "list_publicly");

  private final CoSignatures signatures;
  private final Validator validator;

  SignatoryApiController(CoSignatures signatures, Validator validator) {
    this.signatures = signatures;
    this.validator = validator;
  }

  /** A campaign's sign-on (none until one was opened) and all its signatures, the newest first. */
  record Signatories(SignOn signOn, List<CoSignature> signatories) {}

  @GetMapping("/api/campaigns/{id}/signatories")
  Signatories list(@PathVariable long id) {
    List<CoSignature> all = signatures.all(id);
    return new Signatories(signatures.signOn(id).orElse(null), all);
  }

  /** {@code open}: true opens (until {@code closesAt}, if given, or the launch), false closes. */
  record SignOnRequest(Boolean open, OffsetDateTime closesAt) {}

  @PutMapping("/api/campaigns/{id}/signatories/sign-on")
  SignOn signOn(@PathVariable long id, @RequestBody SignOnRequest request, Actor actor) {
    if (request.open() == null) {
      throw new InvalidFieldException("open", "refusal.signOn.open");
    }
    return request.open()
        ? signatures.open(id, request.closesAt(), actor)
        : signatures.close(id, actor);
  }

  @GetMapping("/api/campaigns/{id}/signatories/{signatoryId}")
  CoSignature get(@PathVariable long id, @PathVariable long signatoryId) {
    return signatures.get(id, signatoryId);
  }

  @PutMapping("/api/campaigns/{id}/signatories/{signatoryId}")
  CoSignature edit(
      @PathVariable long id,
      @PathVariable long signatoryId,
      @Valid @RequestBody SignatoryEdit edit,
      Actor actor) {
    return signatures.edit(id, signatoryId, edit, actor);
  }

  @PutMapping("/api/campaigns/{id}/signatories/{signatoryId}/decision")
  CoSignature decide(
      @PathVariable long id,
      @PathVariable long signatoryId,
      @RequestBody CoSignatures.Decision decision,
      Actor actor) {
    return signatures.decide(id, signatoryId, decision, actor);
  }

  /**
   * One decision on several signatures at once, all or none: {@code {ids*, approved*, reason}} →
   * {@code {decided}}.
   */
  @PutMapping("/api/campaigns/{id}/signatories/decisions")
  Map<String, Integer> decideAll(
      @PathVariable long id, @RequestBody CoSignatures.Decisions decisions, Actor actor) {
    return Map.of(
        "decided",
        signatures.decideAll(
            id,
            decisions.ids(),
            new CoSignatures.Decision(decisions.approved(), decisions.reason()),
            actor));
  }

  /**
   * Those who signed by other means, as CSV (columns {@link #IMPORT_COLUMNS}); {@code source} says
   * how they were received. The whole file or nothing: a wrong line is a 400 naming it.
   */
  @PostMapping(
      value = "/api/campaigns/{id}/signatories/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  CoSignatures.Imported importCsv(
      @PathVariable long id,
      @RequestParam(required = false) String source,
      @RequestBody(required = false) String csv,
      Actor actor) {
    return signatures.importRows(id, rows(csv), source, actor);
  }

  List<SignatoryEdit> rows(String csv) {
    List<CSVRecord> records = CsvFiles.rows(csv, IMPORT_COLUMNS);
    if (!records.get(0).isMapped("name")) {
      throw new InvalidFieldException(
          "file", "refusal.import.columns", "name", String.join(",", IMPORT_COLUMNS));
    }
    List<SignatoryEdit> rows = new ArrayList<>();
    List<InvalidFieldException> problems = new ArrayList<>();
    for (CSVRecord record : records) {
      long line = record.getRecordNumber() + 1;
      SignatoryEdit row =
          new SignatoryEdit(
              cell(record, "organisation"),
              cell(record, "country"),
              cell(record, "website"),
              cell(record, "name"),
              cell(record, "title"),
              cell(record, "email"),
              List.of("true", "yes", "1", "y")
                  .contains(
                      String.valueOf(cell(record, "list_publicly")).toLowerCase(Locale.ROOT)));
      validator
          .validate(row)
          .forEach(
              v ->
                  problems.add(
                      new InvalidFieldException(
                          "line " + line + ": " + v.getPropertyPath(),
                          "refusal.checked",
                          v.getMessage())));
      if (row.organisation() != null && row.country() == null) {
        problems.add(
            new InvalidFieldException(
                "line " + line + ": country", "refusal.signature.countryOfOrganisation"));
      }
      rows.add(row);
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return rows;
  }

  private static String cell(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
  }

  /** Every signature with its e-mail, for the coordinators' own records. */
  @GetMapping(value = "/api/campaigns/{id}/signatories.csv", produces = "text/csv")
  ResponseEntity<String> export(@PathVariable long id) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"campaign-" + id + "-signatories.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv(signatures.all(id)));
  }

  static String csv(List<CoSignature> all) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "id",
                "status",
                "organisation",
                "country",
                "website",
                "name",
                "title",
                "email",
                "list_publicly",
                "source",
                "signed_at",
                "confirmed_at",
                "decided_by",
                "reject_reason",
                "withdrawn_at",
                "merged_into")
            .get()
            .print(out)) {
      for (CoSignature s : all) {
        printer.printRecord(
            s.id(),
            s.status(),
            s.organisation(),
            s.country(),
            s.website(),
            s.erased() ? "(erased)" : s.name(),
            s.title(),
            s.email(),
            s.listPublicly(),
            s.source(),
            s.createdAt(),
            s.confirmedAt(),
            s.decidedBy(),
            s.rejectReason(),
            s.withdrawnAt(),
            s.mergedInto());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
