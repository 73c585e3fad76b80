package org.bucn.tracker.target;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TargetRepository {

  private static final String SELECT =
      """
      SELECT t.id, t.country_code, t.country, t.office, t.holder_name, h.held_from AS holder_since, t.channel, t.contact,
             t.email, t.postal_address, t.website, t.verified_on, t.source, t.language, t.version
        FROM target t LEFT JOIN target_holder h ON h.target_id = t.id AND h.held_to IS NULL
      """;

  private static final String COLUMNS =
      "country_code, country, office, holder_name, channel, contact, email, postal_address, website, verified_on, source, language";

  private final JdbcClient jdbc;

  TargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Target> findAll() {
    return jdbc.sql(SELECT + " ORDER BY t.country, t.office").query(Target.class).list();
  }

  List<Target> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE t.id IN (:ids) ORDER BY t.country, t.office").param("ids", ids).query(Target.class).list();
  }

  Optional<Target> find(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(Target.class).optional();
  }

  /** Locks the office's row, so two edits of its holder happen one after the other. */
  Optional<Target> lock(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = ? FOR UPDATE OF t").param(id).query(Target.class).optional();
  }

  /** Inserts unless the office is listed for that country (safe when two nodes seed at once); the new id, or empty. */
  Optional<Long> insertIfAbsent(TargetRequest t) {
    return jdbc.sql("INSERT INTO target (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (country_code, office) DO NOTHING RETURNING id")
        .params(values(t))
        .query(Long.class)
        .optional();
  }

  long insert(TargetRequest t) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO target (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(values(t)).update(key, "id");
    return key.getKey().longValue();
  }

  int update(long id, TargetRequest t) {
    return jdbc.sql(
            """
            UPDATE target SET country_code = ?, country = ?, office = ?, holder_name = ?, channel = ?, contact = ?,
                   email = ?, postal_address = ?, website = ?, verified_on = ?, source = ?, language = ?,
                   version = version + 1, updated_at = now()
             WHERE id = ?
            """)
        .params(values(t))
        .param(id)
        .update();
  }

  List<Holder> holders(long targetId) {
    return jdbc.sql("SELECT holder_name AS name, held_from AS \"from\", held_to AS \"to\" FROM target_holder WHERE target_id = ? ORDER BY held_from, id")
        .param(targetId)
        .query(Holder.class)
        .list();
  }

  void startHolder(long targetId, String name, java.time.LocalDate from, String by) {
    jdbc.sql("INSERT INTO target_holder (target_id, holder_name, held_from, recorded_by) VALUES (?, ?, ?, ?)")
        .params(targetId, name, from, by)
        .update();
  }

  void endHolder(long targetId, java.time.LocalDate to) {
    jdbc.sql("UPDATE target_holder SET held_to = ? WHERE target_id = ? AND held_to IS NULL").params(to, targetId).update();
  }

  void moveHolderStart(long targetId, java.time.LocalDate from) {
    jdbc.sql("UPDATE target_holder SET held_from = ? WHERE target_id = ? AND held_to IS NULL").params(from, targetId).update();
  }

  private static Object[] values(TargetRequest t) {
    return new Object[] {
      t.countryCode(), t.country(), t.office(), t.holderName(), t.channel().name(), t.contact(), t.email(), t.postalAddress(),
      t.website(), t.verifiedOn(), t.source(), t.language()
    };
  }
}
