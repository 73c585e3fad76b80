package org.bucn.tracker.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bucn.tracker.appeal.AppealStage;
import org.bucn.tracker.appeal.ResponseKind;
import org.bucn.tracker.appeal.SanctionStatus;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Builds dashboards from the counters the database keeps (see 004-dashboard-counters.yaml), so a
 * dashboard costs a few small indexed reads however many appeals there are.
 */
@Service
public class DashboardService {

  static final int OVERDUE_SHOWN = 10;
  private static final Duration COUNTRY_NAMES_TTL = Duration.ofMinutes(1);

  private final DashboardRepository repository;
  private volatile Map<String, String> countryNames = Map.of();
  private volatile Instant countryNamesRead = Instant.EPOCH;

  private final Clock clock;

  DashboardService(DashboardRepository repository, Clock clock) {
    this.clock = clock;
    this.repository = repository;
  }

  /** One statement, so it reads one consistent snapshot without a transaction of its own. */
  public Dashboard portfolio() {
    return build(null, repository.portfolio());
  }

  public Dashboard campaign(long campaignId) {
    return build(
        campaignId,
        repository
            .campaign(campaignId)
            .orElseThrow(() -> new NotFoundException("campaign", campaignId)));
  }

  /**
   * How many appeals wait at each user task of the appeal process, by BPMN element id; all
   * campaigns when null.
   */
  public Map<String, Long> waitingAtTasks(Long campaignId) {
    Map<String, Long> waiting = new TreeMap<>();
    repository
        .openTasksByKey(campaignId)
        .forEach(
            (key, count) -> TaskKey.fromKey(key).ifPresent(k -> waiting.put(k.elementId(), count)));
    return waiting;
  }

  private Dashboard build(Long campaignId, DashboardRepository.Snapshot snapshot) {
    Map<AppealStage, Long> stages = new EnumMap<>(AppealStage.class);
    Map<ResponseKind, Long> responses = new EnumMap<>(ResponseKind.class);
    Map<SanctionStatus, Long> sanctions = new EnumMap<>(SanctionStatus.class);
    Map<Integer, Long> days = new TreeMap<>();
    Map<String, CountryCounts> countries = new TreeMap<>();
    long appeals = 0;
    long submitted = 0;
    long responded = 0;
    for (Map.Entry<String, Long> counter : snapshot.counts().entrySet()) {
      int bar = counter.getKey().indexOf('|');
      String kind = counter.getKey().substring(0, bar);
      String key = counter.getKey().substring(bar + 1);
      long n = counter.getValue();
      switch (kind) {
        case "appeals" -> appeals = n;
        case "submitted" -> submitted = n;
        case "responded" -> responded = n;
        case "stage" -> stages.put(AppealStage.valueOf(key), n);
        case "response" -> responses.put(ResponseKind.valueOf(key), n);
        case "sanction" -> sanctions.put(SanctionStatus.valueOf(key), n);
        case "response_days" -> days.put(Integer.parseInt(key), n);
        case "country_appeals" -> country(countries, key).appeals = n;
        case "country_stage" ->
            country(countries, code(key)).stages.put(AppealStage.valueOf(value(key)), n);
        case "country_response" ->
            country(countries, code(key)).responses.put(ResponseKind.valueOf(value(key)), n);
        case "country_sanction" ->
            country(countries, code(key)).sanctions.put(SanctionStatus.valueOf(value(key)), n);
        default -> {}
      }
    }
    Map<String, String> names = countryNames();
    List<Dashboard.CountryRow> rows = new ArrayList<>();
    for (var entry : countries.entrySet()) {
      CountryCounts cc = entry.getValue();
      rows.add(
          new Dashboard.CountryRow(
              entry.getKey(),
              names.getOrDefault(entry.getKey(), entry.getKey()),
              cc.appeals,
              cc.stages,
              cc.responses,
              cc.sanctions,
              cc.outcome()));
    }
    rows.sort(Comparator.comparing(Dashboard.CountryRow::country));
    return new Dashboard(
        campaignId,
        snapshot.title(),
        appeals,
        stages,
        responses,
        sanctions,
        submitted,
        responded,
        submitted == 0 ? null : (double) responded / submitted,
        median(days),
        days,
        snapshot.overdueFollowUps(),
        snapshot.oldestOverdue(),
        rows);
  }

  /**
   * The median of a histogram of whole days; the mean of the two middle values for an even count.
   */
  static Double median(Map<Integer, Long> histogram) {
    long total = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    long lowerRank = (total - 1) / 2;
    long upperRank = total / 2;
    Integer lower = null;
    long seen = 0;
    for (var bucket : histogram.entrySet()) {
      long next = seen + bucket.getValue();
      if (lower == null && lowerRank < next) {
        lower = bucket.getKey();
      }
      if (upperRank < next) {
        return (lower + bucket.getKey()) / 2.0;
      }
      seen = next;
    }
    throw new IllegalStateException("unreachable");
  }

  private Map<String, String> countryNames() {
    if (Instant.now(clock).isAfter(countryNamesRead.plus(COUNTRY_NAMES_TTL))) {
      countryNames = repository.countryNames();
      countryNamesRead = Instant.now(clock);
    }
    return countryNames;
  }

  private static CountryCounts country(Map<String, CountryCounts> countries, String code) {
    return countries.computeIfAbsent(code, k -> new CountryCounts());
  }

  private static String code(String countryKey) {
    return countryKey.substring(0, countryKey.indexOf(':'));
  }

  private static String value(String countryKey) {
    return countryKey.substring(countryKey.indexOf(':') + 1);
  }

  private static final class CountryCounts {
    long appeals;
    final Map<AppealStage, Long> stages = new EnumMap<>(AppealStage.class);
    final Map<ResponseKind, Long> responses = new EnumMap<>(ResponseKind.class);
    final Map<SanctionStatus, Long> sanctions = new EnumMap<>(SanctionStatus.class);

    /** What colours the country on the map: the best news first. */
    String outcome() {
      if (has(sanctions, SanctionStatus.ADOPTED) || has(sanctions, SanctionStatus.ALIGNED)) {
        return "SANCTIONS";
      }
      if (has(responses, ResponseKind.CONDEMNED) || has(responses, ResponseKind.NON_RECOGNITION)) {
        return "CONDEMNED";
      }
      if (has(responses, ResponseKind.ACKNOWLEDGED)) {
        return "ACKNOWLEDGED";
      }
      if (has(responses, ResponseKind.DECLINED)) {
        return "DECLINED";
      }
      if (has(responses, ResponseKind.NO_RESPONSE) || has(stages, AppealStage.ESCALATED)) {
        return "SILENT";
      }
      return "OPEN";
    }

    private static <K> boolean has(Map<K, Long> counts, K key) {
      return counts.getOrDefault(key, 0L) > 0;
    }
  }
}
