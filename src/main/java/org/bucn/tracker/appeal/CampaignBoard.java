package org.bucn.tracker.appeal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign as the spreadsheet tab its coordinator used to keep: one row per office, with where
 * its appeal stands, whose the open task is, when it is due, when and how the letter went, the
 * follow-ups, the answer and the sanction outcome; sorted and filtered in the database, a page at a
 * time, so that a campaign of a thousand offices reads as fast as one of ten.
 */
@Service
public class CampaignBoard {

  /** Rows on one page of the board: a long campaign is paged, never cut. */
  public static final int PAGE = 200;

  /** What the board sorts by, each with its columns; every order ends on the appeal's id. */
  public enum Sort {
    COUNTRY("o.country", "o.office"),
    OFFICE("o.office", "o.country"),
    STAGE(
        "array_position(ARRAY['DRAFTING', 'IN_REVIEW', 'SUBMITTING', 'AWAITING_RESPONSE', 'CLOSED',"
            + " 'WITHDRAWN'], o.stage::text)",
        "o.country"),
    HOLDER("p.display_name", "o.country"),
    DUE("w.due_at", "o.country"),
    SENT("o.submitted_on", "o.country"),
    FOLLOW_UPS("o.follow_ups", "o.country"),
    ANSWER("o.response_kind", "o.country"),
    SANCTION("o.sanction_status", "o.country");

    private final List<String> columns;

    Sort(String... columns) {
      this.columns = List.of(columns);
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    static Sort of(String key) {
      if (key == null || key.isBlank()) {
        return COUNTRY;
      }
      return Arrays.stream(values())
          .filter(s -> s.key().equals(key.strip().toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidFieldException(
                      "sort",
                      "refusal.oneOf",
                      String.join(", ", Arrays.stream(values()).map(Sort::key).toList())));
    }
  }

  /**
   * What the board shows: all rows, or those whose country, office or holder contains {@code q}, at
   * one {@code stage}, held by one person ({@code holder}; "nobody" for tasks nobody holds), or
   * overdue only.
   */
  public record Filter(
      String q,
      AppealStage stage,
      String holder,
      boolean overdue,
      String sort,
      boolean descending,
      int page) {

    public static Filter of(
        String q,
        String stage,
        String holder,
        Boolean overdue,
        String sort,
        String dir,
        Integer page) {
      AppealStage at = null;
      if (stage != null && !stage.isBlank()) {
        try {
          at = AppealStage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidFieldException(
              "stage", "refusal.oneOf", Refusal.codes(AppealStage.values()));
        }
      }
      if (dir != null && !dir.isBlank() && !dir.equals("asc") && !dir.equals("desc")) {
        throw new InvalidFieldException("dir", "refusal.oneOf", "asc, desc");
      }
      if (page != null && page < 1) {
        throw new InvalidFieldException("page", "refusal.board.page");
      }
      Sort by = Sort.of(sort);
      return new Filter(
          q == null || q.isBlank() ? null : q.strip(),
          at,
          holder == null || holder.isBlank() ? null : holder.strip(),
          Boolean.TRUE.equals(overdue),
          by.key(),
          "desc".equals(dir),
          page == null ? 1 : page);
    }
  }

  /** One office of the campaign and its appeal; {@code taskId} is null when no task is open. */
  public record Row(
      long appealId,
      String countryCode,
      String country,
      String office,
      String holderName,
      String letterLanguage,
      AppealStage stage,
      String taskId,
      String taskKey,
      String candidateGroup,
      String taskHolder,
      String taskHolderName,
      OffsetDateTime due,
      boolean overdue,
      LocalDate sent,
      String channel,
      int followUps,
      ResponseKind answer,
      SanctionStatus sanction) {}

  /** A page of the board: its rows, how many match in all, and how many the campaign has. */
  public record Page(List<Row> rows, int matching, int offices, Filter filter) {

    public int pages() {
      return Math.max(1, (matching + PAGE - 1) / PAGE);
    }
  }

  private final JdbcClient jdbc;
  private final CampaignService campaigns;

  CampaignBoard(JdbcClient jdbc, CampaignService campaigns) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
  }

  @Transactional(readOnly = true)
  public Page page(long campaignId, Filter filter) {
    campaigns.terms(campaignId);
    StringBuilder where = new StringBuilder(" WHERE o.campaign_id = :campaign");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("campaign", campaignId);
    if (filter.q() != null) {
      // A country by its name in any of the network's languages too: "Сербія", "Srbija".
      where.append(
          " AND (o.country ILIKE :q OR o.office ILIKE :q OR o.holder_name ILIKE :q"
              + " OR o.country_code ILIKE :q OR o.country_code = ANY (string_to_array(:codes, ',')))");
      params.put(
          "q",
          "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      params.put(
          "codes", String.join(",", org.bucn.tracker.shared.CountryNames.codesNaming(filter.q())));
    }
    if (filter.stage() != null) {
      where.append(" AND o.stage = :stage");
      params.put("stage", filter.stage().name());
    }
    if (filter.holder() != null) {
      if (filter.holder().equals("nobody")) {
        where.append(" AND w.task_id IS NOT NULL AND w.assignee IS NULL");
      } else {
        where.append(" AND w.assignee = :holder");
        params.put("holder", filter.holder());
      }
    }
    if (filter.overdue()) {
      where.append(" AND w.due_at < now()");
    }
    Sort sort = Sort.of(filter.sort());
    String direction = filter.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST";
    String order =
        " ORDER BY "
            + String.join(", ", sort.columns.stream().map(column -> column + direction).toList())
            + ", o.id";
    int offices =
        jdbc.sql("SELECT count(*) FROM appeal WHERE campaign_id = ?")
            .param(campaignId)
            .query(Integer.class)
            .single();
    // The page's offices first, from the few columns the filter and order need (a campaign of
    // 10 000 offices is sorted on those alone), then everything the board shows for those 200.
    boolean taskNeeded =
        filter.holder() != null || filter.overdue() || sort == Sort.DUE || sort == Sort.HOLDER;
    params.put("limit", PAGE);
    params.put("offset", (filter.page() - 1) * PAGE);
    int[] matching = {0};
    List<Long> ids =
        jdbc.sql(
                "SELECT o.id, count(*) OVER () AS matching FROM appeal_overview o"
                    + (taskNeeded ? OPEN_TASK : "")
                    + (sort == Sort.HOLDER ? " LEFT JOIN person p ON p.username = w.assignee" : "")
                    + where
                    + order
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  matching[0] = rs.getInt("matching");
                  return rs.getLong("id");
                })
            .list();
    if (ids.isEmpty() && filter.page() > 1) {
      // Past the last page: the count the rows would have carried.
      matching[0] =
          jdbc.sql("SELECT count(*) FROM appeal_overview o" + (taskNeeded ? OPEN_TASK : "") + where)
              .params(params)
              .query(Integer.class)
              .single();
    }
    List<Row> rows =
        ids.isEmpty()
            ? List.of()
            : jdbc.sql(SELECT + " ORDER BY k.n")
                .param("ids", ids.toArray(Long[]::new))
                .query(
                    (rs, n) ->
                        new Row(
                            rs.getLong("appeal_id"),
                            rs.getString("country_code"),
                            rs.getString("country"),
                            rs.getString("office"),
                            rs.getString("holder_name"),
                            rs.getString("letter_language"),
                            AppealStage.valueOf(rs.getString("stage")),
                            rs.getString("task_id"),
                            rs.getString("task_key"),
                            rs.getString("candidate_group"),
                            rs.getString("task_holder"),
                            rs.getString("task_holder_name"),
                            rs.getObject("due_at", OffsetDateTime.class),
                            rs.getBoolean("overdue"),
                            rs.getObject("submitted_on", LocalDate.class),
                            rs.getString("channel"),
                            rs.getInt("follow_ups"),
                            rs.getString("response_kind") == null
                                ? null
                                : ResponseKind.valueOf(rs.getString("response_kind")),
                            rs.getString("sanction_status") == null
                                ? null
                                : SanctionStatus.valueOf(rs.getString("sanction_status"))))
                .list();
    return new Page(rows, matching[0], offices, filter);
  }

  /** The appeal's open task, if one is: the newest, should the process hold two at once. */
  private static final String OPEN_TASK =
      """
       LEFT JOIN LATERAL (SELECT * FROM work_item i WHERE i.appeal_id = o.id
                           ORDER BY i.created_at DESC LIMIT 1) w ON true
      """;

  /** Everything the board shows of the offices of one page, {@code :ids} in the page's order. */
  private static final String SELECT =
      """
      SELECT o.id AS appeal_id, o.country_code, o.country, o.office, o.holder_name, o.stage,
             coalesce((SELECT d.language FROM appeal_draft d WHERE d.appeal_id = o.id
                        ORDER BY d.version DESC LIMIT 1), t.language) AS letter_language,
             w.task_id, w.task_key, w.candidate_group, w.assignee AS task_holder,
             p.display_name AS task_holder_name, w.due_at, coalesce(w.due_at < now(), false) AS overdue,
             o.submitted_on, s.channel,
             o.follow_ups, o.response_kind, o.sanction_status
        FROM unnest(:ids::bigint[]) WITH ORDINALITY AS k (id, n)
        JOIN appeal_overview o ON o.id = k.id
      """
          + OPEN_TASK
          + """
        LEFT JOIN target_directory t ON t.id = o.target_id
        LEFT JOIN appeal_submission s ON s.appeal_id = o.id
        LEFT JOIN person p ON p.username = w.assignee
      """;
}
