package org.bucn.tracker.cosigning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bucn.tracker.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sign-on form's proof that a person had the page open, without a CAPTCHA: the moment the page
 * was served and the campaign, signed with a key every node shares ({@code sign_on_key}). A form
 * sent back sooner than {@link #MIN_AGE} after that (a script filling it blind) or later than
 * {@link #MAX_AGE} is refused on {@code formToken}; the mail to confirm is the rest of the proof.
 */
@Component
class FormTokens {

  static final Duration MIN_AGE = Duration.ofSeconds(2);
  static final Duration MAX_AGE = Duration.ofDays(1);

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile byte[] key;

  FormTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String issue(long campaignId) {
    return issue(campaignId, clock.instant());
  }

  /** A token as a page served at {@code at} carries it. */
  String issue(long campaignId, Instant at) {
    long seconds = at.getEpochSecond();
    return seconds + "." + BASE64.encodeToString(mac(campaignId + "." + seconds));
  }

  void check(long campaignId, String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    long seconds;
    try {
      seconds = dot < 0 ? -1 : Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0
        || !MessageDigest.isEqual(
            token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
            BASE64.encode(mac(campaignId + "." + seconds)))) {
      throw new InvalidFieldException("formToken", "refusal.signature.formToken");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
    if (age.compareTo(MIN_AGE) < 0) {
      throw new InvalidFieldException("formToken", "refusal.signature.tooFast");
    }
    if (age.compareTo(MAX_AGE) > 0) {
      throw new InvalidFieldException("formToken", "refusal.signature.formExpired");
    }
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The shared key: made by the first node that needs one, read by every other. */
  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      jdbc.sql("INSERT INTO sign_on_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
          .param(fresh)
          .update();
      known = jdbc.sql("SELECT secret FROM sign_on_key WHERE id = 1").query(byte[].class).single();
      key = known;
    }
    return known;
  }
}
