package org.bucn.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: it runs with the system clock, shifted by what a test moved
 * it; a test that moves it puts it back ({@link #reset()}) so the next test reads today again.
 */
public class MovableClock extends Clock {

  private final AtomicReference<Duration> shift;
  private final ZoneId zone;

  public MovableClock(ZoneId zone) {
    this(new AtomicReference<>(Duration.ZERO), zone);
  }

  private MovableClock(AtomicReference<Duration> shift, ZoneId zone) {
    this.shift = shift;
    this.zone = zone;
  }

  /** Moves the application's time forward (or back, with a negative duration). */
  public void move(Duration by) {
    shift.accumulateAndGet(by, Duration::plus);
  }

  public void reset() {
    shift.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MovableClock(shift, zone);
  }

  /** Puts the movable clock in place of the application's. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class InPlace {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(ZoneId.systemDefault());
    }
  }
}
