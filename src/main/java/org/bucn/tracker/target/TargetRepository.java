package org.bucn.tracker.target;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TargetRepository {

  private static final String SELECT =
      """
      SELECT t.id, t.country_code, t.country, t.office, t.holder_name, h.held_from AS holder_since, t.channel, t.contact,
             t.email, t.postal_address, t.website, t.verified_on, t.source, t.language,
             CASE WHEN cardinality(t.languages) = 0 THEN ARRAY[t.language] ELSE t.languages END AS languages, t.version
        FROM target t LEFT JOIN target_holder h ON h.target_id = t.id AND h.held_to IS NULL
      """;

  private static final String COLUMNS =
      "country_code, country, office, holder_name, channel, contact, email, postal_address, website, verified_on, source, language, languages";

  private final JdbcClient jdbc;

  TargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Target> findAll() {
    return jdbc.sql(SELECT + " ORDER BY t.country, t.office").query(TargetRepository::map).list();
  }

  List<Target> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE t.id IN (:ids) ORDER BY t.country, t.office")
        .param("ids", ids)
        .query(TargetRepository::map)
        .list();
  }

  Optional<Target> find(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(TargetRepository::map).optional();
  }

  /** Locks the office's row, so two edits of its holder happen one after the other. */
  Optional<Target> lock(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = ? FOR UPDATE OF t")
        .param(id)
        .query(TargetRepository::map)
        .optional();
  }

  /**
   * Inserts unless the office is listed for that country (safe when two nodes seed at once); the
   * new id, or empty.
   */
  Optional<Long> insertIfAbsent(TargetRequest t) {
    return jdbc.sql(
            "INSERT INTO target ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[])"
                + " ON CONFLICT (country_code, office) DO NOTHING RETURNING id")
        .params(values(t))
        .query(Long.class)
        .optional();
  }

  long insert(TargetRequest t) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO target ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[])")
        .params(values(t))
        .update(key, "id");
    return key.getKey().longValue();
  }

  int update(long id, TargetRequest t) {
    return jdbc.sql(
            """
            UPDATE target SET country_code = ?, country = ?, office = ?, holder_name = ?, channel = ?, contact = ?,
                   email = ?, postal_address = ?, website = ?, verified_on = ?, source = ?, language = ?, languages = ?::varchar[],
                   version = version + 1, updated_at = now()
             WHERE id = ?
            """)
        .params(values(t))
        .param(id)
        .update();
  }

  List<Holder> holders(long targetId) {
    return jdbc.sql(
            "SELECT holder_name AS name, held_from AS \"from\", held_to AS \"to\" FROM target_holder WHERE target_id = ? ORDER BY held_from, id")
        .param(targetId)
        .query(Holder.class)
        .list();
  }

  Map<Long, List<Holder>> holdersOf(java.util.Collection<Long> targetIds) {
    record Held(long targetId, Holder holder) {}
    return jdbc
        .sql(
            "SELECT target_id, holder_name, held_from, held_to FROM target_holder WHERE target_id = ANY (?) ORDER BY held_from, id")
        .param(targetIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Held(
                    rs.getLong("target_id"),
                    new Holder(
                        rs.getString("holder_name"),
                        rs.getObject("held_from", LocalDate.class),
                        rs.getObject("held_to", LocalDate.class))))
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Held::targetId,
                java.util.stream.Collectors.mapping(
                    Held::holder, java.util.stream.Collectors.toList())));
  }

  void startHolder(long targetId, String name, LocalDate from, String by) {
    jdbc.sql(
            "INSERT INTO target_holder (target_id, holder_name, held_from, recorded_by) VALUES (?, ?, ?, ?)")
        .params(targetId, name, from, by)
        .update();
  }

  void endHolder(long targetId, LocalDate to) {
    jdbc.sql("UPDATE target_holder SET held_to = ? WHERE target_id = ? AND held_to IS NULL")
        .params(to, targetId)
        .update();
  }

  void moveHolderStart(long targetId, LocalDate from) {
    jdbc.sql("UPDATE target_holder SET held_from = ? WHERE target_id = ? AND held_to IS NULL")
        .params(from, targetId)
        .update();
  }

  List<TargetForm> forms(long targetId) {
    return jdbc.sql(
            "SELECT language, formal_title, honorific, salutation, updated_by, updated_at FROM target_form WHERE target_id = ? ORDER BY language")
        .param(targetId)
        .query(TargetForm.class)
        .list();
  }

  Map<Long, List<TargetForm>> formsOf(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    record OfficeForm(long targetId, TargetForm form) {}
    return jdbc
        .sql(
            """
            SELECT target_id, language, formal_title, honorific, salutation, updated_by, updated_at FROM target_form
             WHERE target_id IN (:ids) ORDER BY target_id, language
            """)
        .param("ids", ids)
        .query(
            (rs, n) ->
                new OfficeForm(
                    rs.getLong("target_id"),
                    new TargetForm(
                        rs.getString("language"),
                        rs.getString("formal_title"),
                        rs.getString("honorific"),
                        rs.getString("salutation"),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                OfficeForm::targetId, Collectors.mapping(OfficeForm::form, Collectors.toList())));
  }

  void saveForm(long targetId, String language, TargetFormRequest form, String by) {
    jdbc.sql(
            """
            INSERT INTO target_form (target_id, language, formal_title, honorific, salutation, updated_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (target_id, language) DO UPDATE SET formal_title = EXCLUDED.formal_title, honorific = EXCLUDED.honorific,
                   salutation = EXCLUDED.salutation, updated_by = EXCLUDED.updated_by, updated_at = now()
            """)
        .params(targetId, language, form.formalTitle(), form.honorific(), form.salutation(), by)
        .update();
  }

  private static Target map(ResultSet rs, int row) throws SQLException {
    return new Target(
        rs.getLong("id"),
        rs.getString("country_code"),
        rs.getString("country"),
        rs.getString("office"),
        rs.getString("holder_name"),
        rs.getObject("holder_since", LocalDate.class),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        rs.getString("email"),
        rs.getString("postal_address"),
        rs.getString("website"),
        rs.getObject("verified_on", LocalDate.class),
        rs.getString("source"),
        rs.getString("language"),
        List.of((String[]) rs.getArray("languages").getArray()),
        rs.getInt("version"));
  }

  private static Object[] values(TargetRequest t) {
    return new Object[] {
      t.countryCode(),
      t.country(),
      t.office(),
      t.holderName(),
      t.channel().name(),
      t.contact(),
      t.email(),
      t.postalAddress(),
      t.website(),
      t.verifiedOn(),
      t.source(),
      t.language(),
      t.languages().toArray(String[]::new)
    };
  }
}
