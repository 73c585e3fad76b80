package org.bucn.tracker.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, on the login form and over HTTP
 * Basic alike. After {@link #FREE_FAILURES} failures an account waits before its next try, doubling
 * with each further failure up to {@link #ACCOUNT_MAX_WAIT}: an attacker gets about one guess a
 * minute, and the real user, whose right password is all it takes to clear the count, waits at most
 * a minute. An address that fails {@link #ADDRESS_FAILURES} times within {@link #WINDOW} (many
 * accounts from one place) waits {@link #ADDRESS_WAIT}. Counts live in this node's memory: on
 * several nodes an attacker gets at most one budget per node.
 *
 * <p>Every failure, lock and refusal is logged to the {@code security} logger, with the user name
 * and address and never the password.
 */
@Component
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration ACCOUNT_MAX_WAIT = Duration.ofMinutes(1);
  static final int ADDRESS_FAILURES = 30;
  static final Duration ADDRESS_WAIT = Duration.ofMinutes(5);
  static final Duration WINDOW = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger("security");

  /** Failures since the last success, and until when the next try is refused. */
  private record Failures(int count, Instant first, Instant blockedUntil) {}

  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long this try must wait (empty: it may go ahead); a blank user name is a try of the address
   * alone.
   */
  public Optional<Duration> waitBefore(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> wait =
        (key(username).isEmpty()
                ? Optional.<Duration>empty()
                : remaining(accounts.get(key(username)), now))
            .or(() -> remaining(addresses.get(address), now));
    wait.ifPresent(
        w ->
            log.warn(
                "login refused for {} from {}: throttled for {} s more",
                clean(username),
                address,
                w.toSeconds()));
    return wait;
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
      // The parent manager asked too and knew no provider for it: the same try, already counted by
      // the manager that refused it.
      return;
    }
    if (event.getAuthentication() instanceof BearerTokenAuthenticationToken bearer) {
      tokenFailed(bearer, address(event.getAuthentication()));
      return;
    }
    String username = event.getAuthentication().getName();
    String address = address(event.getAuthentication());
    Instant now = clock.instant();
    Failures account = accounts.compute(key(username), (k, f) -> next(f, now, FREE_FAILURES, null));
    Failures place =
        addresses.compute(address, (k, f) -> next(f, now, ADDRESS_FAILURES, ADDRESS_WAIT));
    log.warn(
        "login failed for {} from {} ({}; {} failures for the account)",
        clean(username),
        address,
        event.getException().getClass().getSimpleName(),
        account.count());
    if (account.blockedUntil() != null && account.count() >= FREE_FAILURES) {
      log.warn("account {} locked until {}", clean(username), account.blockedUntil());
    }
    if (place.blockedUntil() != null && place.count() == ADDRESS_FAILURES) {
      log.warn("address {} locked until {}", address, place.blockedUntil());
    }
  }

  /**
   * A refused API token: a try of the address (no account to lock), logged by its first characters
   * only, so the log never holds a credential that may work again.
   */
  private void tokenFailed(BearerTokenAuthenticationToken bearer, String address) {
    Failures place =
        addresses.compute(
            address, (k, f) -> next(f, clock.instant(), ADDRESS_FAILURES, ADDRESS_WAIT));
    log.warn("API token refused from {}: {}", address, tokenPrefix(bearer.getToken()));
    if (place.blockedUntil() != null && place.count() == ADDRESS_FAILURES) {
      log.warn("address {} locked until {}", address, place.blockedUntil());
    }
  }

  /** What of a token may be logged: its first eight characters ("sct_" and four more). */
  static String tokenPrefix(String token) {
    String printable = clean(token == null ? "" : token);
    return (printable.length() > 8 ? printable.substring(0, 8) : printable) + "…";
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    accounts.remove(key(event.getAuthentication().getName()));
  }

  /** Forgets counts older than the window, so the maps hold only recent failures. */
  @Scheduled(fixedDelay = 60_000)
  void forgetOld() {
    Instant cutoff = clock.instant().minus(WINDOW);
    accounts
        .values()
        .removeIf(
            f ->
                f.first().isBefore(cutoff)
                    && (f.blockedUntil() == null || f.blockedUntil().isBefore(cutoff)));
    addresses
        .values()
        .removeIf(
            f ->
                f.first().isBefore(cutoff)
                    && (f.blockedUntil() == null || f.blockedUntil().isBefore(cutoff)));
  }

  /**
   * One more failure. An account waits 1, 2, 4 … seconds (at most {@link #ACCOUNT_MAX_WAIT}) once
   * past its free failures; an address waits {@code fixedWait} once it reaches its limit.
   */
  private static Failures next(Failures before, Instant now, int free, Duration fixedWait) {
    Failures f =
        before == null || before.first().isBefore(now.minus(WINDOW))
            ? new Failures(0, now, null)
            : before;
    int count = f.count() + 1;
    Instant blockedUntil = f.blockedUntil();
    if (count >= free) {
      Duration wait = fixedWait != null ? fixedWait : doubling(count - free);
      blockedUntil = now.plus(wait);
    }
    return new Failures(count, f.first(), blockedUntil);
  }

  private static Duration doubling(int beyond) {
    return beyond >= 6
        ? ACCOUNT_MAX_WAIT
        : Duration.ofSeconds(Math.min(ACCOUNT_MAX_WAIT.toSeconds(), 1L << beyond));
  }

  private static Optional<Duration> remaining(Failures failures, Instant now) {
    if (failures == null
        || failures.blockedUntil() == null
        || !failures.blockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    // Whole seconds, rounded up: what Retry-After can say.
    return Optional.of(
        Duration.ofSeconds(
            (Duration.between(now, failures.blockedUntil()).toMillis() + 999) / 1000));
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }

  private static String key(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  /** User names come from the attacker: no line breaks or control characters into the log. */
  static String clean(String value) {
    return value == null ? null : value.replaceAll("\\p{Cntrl}", "_");
  }
}
