package org.bucn.tracker.cosigning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bucn.tracker.shared.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Signatures sent from one address: {@link #LIMIT} in {@link #WINDOW}, then 429 until the oldest
 * leaves the window. Kept by each node in memory (a restart forgets); behind a proxy the address is
 * the client's only when the proxy's forwarded headers are trusted (docs/operations.md).
 */
@Component
class SignatureBursts {

  static final int LIMIT = 10;
  static final Duration WINDOW = Duration.ofHours(1);

  private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();
  private final Clock clock;

  SignatureBursts(Clock clock) {
    this.clock = clock;
  }

  /** Counts this try; refused (429) while the address is over its limit. */
  void check(String address) {
    tryFrom(address)
        .ifPresent(
            wait -> {
              throw new TooManyRequestsException(
                  wait, "refusal.signature.tooMany", Math.max(1, wait.toMinutes()));
            });
  }

  /** Counts this try; how long the address must wait, if it is over its limit. */
  Optional<Duration> tryFrom(String address) {
    Instant now = clock.instant();
    if (sent.size() > 10_000) {
      sent.values().removeIf(times -> forget(times, now).isEmpty());
    }
    Deque<Instant> times = sent.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      forget(times, now);
      if (times.size() >= LIMIT) {
        return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)).plusSeconds(1));
      }
      times.addLast(now);
      return Optional.empty();
    }
  }

  private static Deque<Instant> forget(Deque<Instant> times, Instant now) {
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
        times.removeFirst();
      }
      return times;
    }
  }
}
