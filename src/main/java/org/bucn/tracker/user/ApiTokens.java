package org.bucn.tracker.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: {@code Authorization: Bearer <token>} acts as the person with
 * the roles they have now. A token is 256 random bits, shown once; only its SHA-256 is kept, so a
 * copy of the database lets nobody in. A disabled user's tokens stop working at once.
 */
@Service
public class ApiTokens {

  private static final org.slf4j.Logger security = org.slf4j.LoggerFactory.getLogger("security");

  /** Tokens start with this, so that secret scanners and people recognise one. */
  static final String PREFIX = "sct_";

  static final Duration LONGEST = Duration.ofDays(366);
  static final Duration DEFAULT = Duration.ofDays(90);

  /**
   * Last use is written at most this often per token: a busy script does not write on every call.
   */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  public record NewToken(long id, String name, String token, OffsetDateTime expiresAt) {}

  public record TokenInfo(
      long id,
      String username,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime lastUsedAt) {}

  private final JdbcClient jdbc;
  private final UserService users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, UserService users, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
  }

  /**
   * A new token for the user, valid until {@code expiresAt} (90 days when absent, at most a year).
   */
  @Transactional
  public NewToken create(String username, String name, OffsetDateTime expiresAt) {
    if (name == null || name.isBlank()) {
      throw new InvalidFieldException("name", "refusal.token.nameRequired");
    }
    if (name.strip().length() > 80) {
      throw new InvalidFieldException("name", "refusal.text.atMost", 80);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime expires = expiresAt == null ? now.plus(DEFAULT) : expiresAt;
    if (!expires.isAfter(now)) {
      throw new InvalidFieldException("expiresAt", "refusal.token.past");
    }
    if (expires.isAfter(now.plus(LONGEST))) {
      throw new InvalidFieldException("expiresAt", "refusal.token.tooLong");
    }
    users.find(username).orElseThrow(() -> new NotFoundException("user", username));
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id =
        jdbc.sql(
                "INSERT INTO api_token (username, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
            .params(username, name.strip(), hash(token), expires)
            .query(Long.class)
            .single();
    security.info(
        "API token {} ({}) \"{}\" made for {} by {}, until {}",
        id,
        token.substring(0, 8) + "…",
        name.strip(),
        username,
        UserService.actor(),
        expires);
    return new NewToken(id, name.strip(), token, expires);
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> of(String username) {
    return jdbc.sql(
            "SELECT id, username, name, created_at, expires_at, last_used_at FROM api_token WHERE username = ? ORDER BY created_at DESC, id DESC")
        .param(username)
        .query(TokenInfo.class)
        .list();
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> all() {
    return jdbc.sql(
            "SELECT id, username, name, created_at, expires_at, last_used_at FROM api_token ORDER BY username, created_at DESC")
        .query(TokenInfo.class)
        .list();
  }

  /** Revokes one of the user's own tokens; another person's token is "not found" to them. */
  @Transactional
  public void revoke(String username, long id) {
    if (jdbc.sql("DELETE FROM api_token WHERE id = ? AND username = ?")
            .params(id, username)
            .update()
        == 0) {
      throw new NotFoundException("token", id);
    }
    security.info("API token {} of {} revoked by its owner", id, username);
  }

  /** An admin revokes anyone's token. */
  @Transactional
  public void revokeAny(long id) {
    String owner =
        jdbc.sql("DELETE FROM api_token WHERE id = ? RETURNING username")
            .param(id)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("token", id));
    security.info("API token {} of {} revoked by {}", id, owner, UserService.actor());
  }

  /**
   * The person a presented token stands for, with their roles as stored now; empty when the token
   * is unknown, revoked or expired, or its owner disabled. Notes the use.
   */
  @Transactional
  public Optional<UserAccount> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    record Presented(long id, String username, OffsetDateTime lastUsedAt) {}
    Optional<Presented> presented =
        jdbc.sql(
                "SELECT id, username, last_used_at FROM api_token WHERE token_hash = ? AND expires_at > now()")
            .param(hash(token))
            .query(Presented.class)
            .optional();
    presented
        .filter(
            p ->
                p.lastUsedAt() == null
                    || p.lastUsedAt().isBefore(OffsetDateTime.now(clock).minus(USE_RESOLUTION)))
        .ifPresent(
            p ->
                jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
                    .param(p.id())
                    .update());
    Optional<String> username = presented.map(Presented::username);
    return username.flatMap(users::find).filter(UserAccount::enabled);
  }

  static String hash(String token) {
    return org.bucn.tracker.shared.Hashes.sha256(token);
  }
}
