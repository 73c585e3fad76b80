package org.bucn.tracker.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private static final String SELECT =
      """
      SELECT u.username, u.email, u.display_name, u.enabled, u.password_hash, u.notify, u.language, u.time_zone,
             array_remove(array_agg(r.role ORDER BY r.role), NULL) AS roles
        FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username
      """;

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record StoredUser(UserAccount account, String passwordHash) {}

  Optional<StoredUser> find(String username) {
    return jdbc.sql(SELECT + " WHERE u.username = ? GROUP BY u.username")
        .param(username)
        .query(UserRepository::mapStored)
        .optional();
  }

  /** The users with this e-mail address, in any case. */
  List<UserAccount> findByEmail(String email) {
    return jdbc.sql(
            SELECT + " WHERE lower(u.email) = lower(?) GROUP BY u.username ORDER BY u.username")
        .param(email)
        .query((rs, n) -> mapStored(rs, n).account())
        .list();
  }

  List<UserAccount> findAll() {
    return jdbc.sql(SELECT + " GROUP BY u.username ORDER BY u.username")
        .query((rs, n) -> mapStored(rs, n).account())
        .list();
  }

  List<UserAccount> findEnabledWithRole(Role role) {
    return jdbc.sql(
            SELECT
                + " WHERE u.enabled AND EXISTS (SELECT 1 FROM app_user_role x"
                + " WHERE x.username = u.username AND x.role = ?) GROUP BY u.username ORDER BY u.username")
        .param(role.name())
        .query((rs, n) -> mapStored(rs, n).account())
        .list();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  /** Inserts the user unless one of that name exists; true when inserted. */
  boolean insertIfAbsent(UserAccount user, String passwordHash) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO app_user (username, password_hash, email, display_name, enabled)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                """)
            .params(user.username(), passwordHash, user.email(), user.displayName(), user.enabled())
            .update();
    if (inserted == 1) {
      replaceRoles(user.username(), user.roles());
    }
    return inserted == 1;
  }

  int update(String username, String email, String displayName, Boolean enabled, Notify notify) {
    return jdbc.sql(
            """
            UPDATE app_user SET email = coalesce(?, email), display_name = coalesce(?, display_name),
                   enabled = coalesce(?, enabled), notify = coalesce(?, notify)
             WHERE username = ?
            """)
        .params(email, displayName, enabled, notify == null ? null : notify.name(), username)
        .update();
  }

  /**
   * The person's interface language and time zone; null fields are cleared (back to the defaults).
   */
  int updateSettings(String username, String language, String timeZone) {
    return jdbc.sql("UPDATE app_user SET language = ?, time_zone = ? WHERE username = ?")
        .params(language, timeZone, username)
        .update();
  }

  void updatePassword(String username, String passwordHash) {
    jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
        .params(passwordHash, username)
        .update();
  }

  /** Revokes every API token of the user: how many there were. */
  int revokeTokens(String username) {
    return jdbc.sql("DELETE FROM api_token WHERE username = ?").param(username).update();
  }

  void replaceRoles(String username, Collection<Role> roles) {
    jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)")
          .params(username, role.name())
          .update();
    }
  }

  // Single sign-on: a provider's (issuer, subject) bound to one user.

  Optional<String> boundUsername(String issuer, String subject) {
    return jdbc.sql("SELECT username FROM sso_identity WHERE issuer = ? AND subject = ?")
        .params(issuer, subject)
        .query(String.class)
        .optional();
  }

  boolean isBound(String username, String issuer) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sso_identity WHERE username = ? AND issuer = ?)")
        .params(username, issuer)
        .query(Boolean.class)
        .single();
  }

  /**
   * Binds the subject to the user; false when it was bound a moment ago (by the same person's other
   * sign-in).
   */
  boolean bind(String issuer, String subject, String username, java.time.Instant at, String how) {
    return jdbc.sql(
                """
            INSERT INTO sso_identity (issuer, subject, username, linked_at, linked_by)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (issuer, subject) DO NOTHING
            """)
            .params(issuer, subject, username, java.sql.Timestamp.from(at), how)
            .update()
        == 1;
  }

  private static StoredUser mapStored(ResultSet rs, int rowNum) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Array array = rs.getArray("roles");
    if (array != null) {
      for (Object role : (Object[]) array.getArray()) {
        roles.add(Role.valueOf((String) role));
      }
    }
    UserAccount account =
        new UserAccount(
            rs.getString("username"),
            rs.getString("email"),
            rs.getString("display_name"),
            rs.getBoolean("enabled"),
            Set.copyOf(roles),
            Notify.valueOf(rs.getString("notify")),
            rs.getString("language"),
            rs.getString("time_zone"));
    return new StoredUser(account, rs.getString("password_hash"));
  }
}
