package org.bucn.tracker.shared;

import java.time.Duration;

/**
 * Too many tries from one address (signatures on the public sign-on page): answered 429 with {@code
 * Retry-After}, nothing stored.
 */
public class TooManyRequestsException extends Refusal {

  private final Duration retryAfter;

  public TooManyRequestsException(Duration retryAfter, String code, Object... args) {
    super(code, args);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
