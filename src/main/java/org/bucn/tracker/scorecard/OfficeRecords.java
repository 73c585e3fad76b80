package org.bucn.tracker.scorecard;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.target.Holder;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an office's record and a country's, from the appeal module's published views. */
@Service
public class OfficeRecords {

  static final Set<String> POSITIVE = Set.of("CONDEMNED", "NON_RECOGNITION");
  private static final Set<EvidenceKind> ANSWER_EVIDENCE =
      Set.of(EvidenceKind.RESPONSE_LETTER, EvidenceKind.STATEMENT);

  private final JdbcClient jdbc;
  private final TargetService targets;
  private final EvidenceService evidence;
  private final org.bucn.tracker.alignment.CfspAlignments alignments;

  OfficeRecords(
      JdbcClient jdbc,
      TargetService targets,
      EvidenceService evidence,
      org.bucn.tracker.alignment.CfspAlignments alignments) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.evidence = evidence;
    this.alignments = alignments;
  }

  /** The office's record, for everyone who held it or for one holder. */
  @Transactional(readOnly = true)
  public OfficeRecord record(long targetId, String holder) {
    Target target = targets.get(targetId);
    List<Holder> holders = targets.holders(targetId);
    String wanted = holder == null || holder.isBlank() ? null : holder.strip();
    Map<Long, List<OfficeRecord.EvidenceLink>> answerEvidence = answerEvidence(targetId);
    List<OfficeRecord.Appeal> appeals =
        jdbc.sql(
                """
            SELECT o.id, o.campaign_id, r.campaign_title, o.holder_name, o.stage, o.submitted_on, r.follow_ups,
                   r.last_follow_up_on, o.response_kind, o.responded_on, r.response_summary, r.response_source,
                   o.sanction_status, r.sanction_measure, r.sanction_decided_on, r.sanction_reference, r.sanction_source
              FROM appeal_overview o JOIN appeal_report r ON r.id = o.id
             WHERE o.target_id = ?
             ORDER BY o.submitted_on NULLS LAST, o.id
            """)
            .param(targetId)
            .query(
                (rs, n) -> {
                  LocalDate submitted = date(rs.getDate("submitted_on"));
                  LocalDate responded = date(rs.getDate("responded_on"));
                  String kind = rs.getString("response_kind");
                  String addressedTo = rs.getString("holder_name");
                  OfficeRecord.Answer answer =
                      kind == null
                          ? null
                          : new OfficeRecord.Answer(
                              kind,
                              responded,
                              answered(kind) && submitted != null && responded != null
                                  ? (int) Math.max(0, ChronoUnit.DAYS.between(submitted, responded))
                                  : null,
                              rs.getString("response_summary"),
                              rs.getString("response_source"),
                              answerEvidence.getOrDefault(rs.getLong("id"), List.of()));
                  String status = rs.getString("sanction_status");
                  OfficeRecord.Sanction sanction =
                      status == null
                          ? null
                          : new OfficeRecord.Sanction(
                              status,
                              rs.getString("sanction_measure"),
                              date(rs.getDate("sanction_decided_on")),
                              rs.getString("sanction_reference"),
                              rs.getString("sanction_source"));
                  return new OfficeRecord.Appeal(
                      rs.getLong("id"),
                      rs.getLong("campaign_id"),
                      rs.getString("campaign_title"),
                      addressedTo,
                      answer != null && responded != null
                          ? holderOn(holders, responded, addressedTo)
                          : addressedTo,
                      rs.getString("stage"),
                      submitted,
                      rs.getLong("follow_ups"),
                      date(rs.getDate("last_follow_up_on")),
                      answer,
                      sanction);
                })
            .list();
    if (wanted != null) {
      appeals =
          appeals.stream()
              .filter(a -> wanted.equals(a.addressedTo()) || wanted.equals(a.answeredBy()))
              .toList();
    }
    List<OfficeRecord.Stance> stance =
        appeals.stream()
            .filter(a -> a.response() != null && a.response().date() != null)
            .sorted(
                Comparator.comparing((OfficeRecord.Appeal a) -> a.response().date())
                    .thenComparing(OfficeRecord.Appeal::appealId))
            .map(
                a ->
                    new OfficeRecord.Stance(
                        a.response().date(),
                        a.answeredBy(),
                        a.response().kind(),
                        a.appealId(),
                        a.campaignTitle()))
            .toList();
    return new OfficeRecord(
        new OfficeRecord.Office(
            target.id(),
            target.countryCode(),
            target.country(),
            target.office(),
            target.holderName()),
        holders,
        wanted,
        appeals,
        figures(appeals),
        stance);
  }

  static OfficeRecord.Figures figures(List<OfficeRecord.Appeal> appeals) {
    List<OfficeRecord.Appeal> counted =
        appeals.stream().filter(a -> !"WITHDRAWN".equals(a.stage())).toList();
    long submitted = counted.stream().filter(a -> a.submittedOn() != null).count();
    List<OfficeRecord.Answer> answers =
        counted.stream()
            .map(OfficeRecord.Appeal::response)
            .filter(r -> r != null && answered(r.kind()))
            .toList();
    List<Integer> days =
        answers.stream()
            .map(OfficeRecord.Answer::daysToAnswer)
            .filter(d -> d != null)
            .sorted()
            .toList();
    Double median =
        days.isEmpty()
            ? null
            : days.size() % 2 == 1
                ? days.get(days.size() / 2)
                : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
    long positive = answers.stream().filter(r -> POSITIVE.contains(r.kind())).count();
    return new OfficeRecord.Figures(
        appeals.size(),
        submitted,
        answers.size(),
        submitted == 0 ? null : (double) answers.size() / submitted,
        median,
        answers.isEmpty() ? null : (double) positive / answers.size());
  }

  static boolean answered(String kind) {
    return kind != null && !"NO_RESPONSE".equals(kind);
  }

  /**
   * Who held the office on that day, by the holder history; the addressee when the history does not
   * say.
   */
  static String holderOn(List<Holder> holders, LocalDate day, String fallback) {
    return holders.stream()
        .filter(
            h ->
                (h.from() == null || !day.isBefore(h.from()))
                    && (h.to() == null || day.isBefore(h.to()) || day.isEqual(h.to())))
        .max(Comparator.comparing(Holder::from, Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(Holder::name)
        .orElse(fallback);
  }

  /**
   * Each answered appeal's letter or statement, as evidence files, by appeal: two queries for the
   * whole office.
   */
  private Map<Long, List<OfficeRecord.EvidenceLink>> answerEvidence(long targetId) {
    List<Long> answered =
        jdbc.sql("SELECT id FROM appeal_overview WHERE target_id = ? AND response_kind IS NOT NULL")
            .param(targetId)
            .query(Long.class)
            .list();
    return evidence.ofAppeals(answered).entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    e.getValue().stream()
                        .filter(f -> ANSWER_EVIDENCE.contains(f.kind()))
                        .map(
                            f ->
                                new OfficeRecord.EvidenceLink(
                                    f.id(), f.filename(), "/api/evidence/" + f.id() + "/content"))
                        .toList()));
  }

  /** A country: its offices' records and the sanctions its government adopted or aligned with. */
  @Transactional(readOnly = true)
  public CountryRecord country(String code) {
    String countryCode = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    List<Target> offices =
        targets.findAll().stream().filter(t -> t.countryCode().equals(countryCode)).toList();
    if (offices.isEmpty()) {
      throw new NotFoundException("country", countryCode);
    }
    List<OfficeRecord> records = offices.stream().map(t -> record(t.id(), null)).toList();
    List<CountryRecord.SanctionMeasure> sanctions =
        records.stream()
            .flatMap(
                r ->
                    r.appeals().stream()
                        .filter(
                            a ->
                                a.sanction() != null
                                    && Set.of("ADOPTED", "ALIGNED").contains(a.sanction().status()))
                        .map(
                            a ->
                                new CountryRecord.SanctionMeasure(
                                    a.appealId(),
                                    a.campaignTitle(),
                                    r.target().office(),
                                    a.sanction().status(),
                                    a.sanction().measure(),
                                    a.sanction().decidedOn(),
                                    a.sanction().reference(),
                                    a.sanction().source())))
            .sorted(
                Comparator.comparing(
                    CountryRecord.SanctionMeasure::decidedOn,
                    Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
    List<OfficeRecord.Appeal> all = records.stream().flatMap(r -> r.appeals().stream()).toList();
    return new CountryRecord(
        countryCode,
        offices.get(0).country(),
        records,
        figures(all),
        sanctions,
        alignments.country(countryCode));
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
