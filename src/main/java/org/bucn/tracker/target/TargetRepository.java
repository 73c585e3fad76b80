package org.bucn.tracker.target;

import java.sql.ResultSet;
import java.sql.SQLException;
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
      "SELECT id, country_code, country, office, holder_name, channel, contact, language, version FROM target";

  private final JdbcClient jdbc;

  TargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Target> findAll() {
    return jdbc.sql(SELECT + " ORDER BY country, office").query(TargetRepository::map).list();
  }

  List<Target> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY country, office").param("ids", ids).query(TargetRepository::map).list();
  }

  Optional<Target> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(TargetRepository::map).optional();
  }

  /** Inserts unless the office is listed for that country; safe when two nodes seed at once. */
  boolean insertIfAbsent(TargetRequest t) {
    return jdbc.sql(
                """
                INSERT INTO target (country_code, country, office, holder_name, channel, contact, language)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (country_code, office) DO NOTHING
                """)
            .params(t.countryCode(), t.country(), t.office(), t.holderName(), t.channel().name(), t.contact(), t.language())
            .update()
        == 1;
  }

  long insert(TargetRequest t) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO target (country_code, country, office, holder_name, channel, contact, language)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(t.countryCode(), t.country(), t.office(), t.holderName(), t.channel().name(), t.contact(), t.language())
        .update(key, "id");
    return key.getKey().longValue();
  }

  int update(long id, TargetRequest t) {
    return jdbc.sql(
            """
            UPDATE target SET country_code = ?, country = ?, office = ?, holder_name = ?, channel = ?,
                   contact = ?, language = ?, version = version + 1, updated_at = now()
             WHERE id = ?
            """)
        .params(t.countryCode(), t.country(), t.office(), t.holderName(), t.channel().name(), t.contact(), t.language(), id)
        .update();
  }

  private static Target map(ResultSet rs, int rowNum) throws SQLException {
    return new Target(
        rs.getLong("id"),
        rs.getString("country_code"),
        rs.getString("country"),
        rs.getString("office"),
        rs.getString("holder_name"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        rs.getString("language"),
        rs.getInt("version"));
  }
}
