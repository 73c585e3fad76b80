package org.bucn.tracker.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The tracker's one clock: every time the tracker records or compares comes from here (never a
 * static now(), never the database's now() for a business time). It runs with the system clock,
 * shifted by what was moved: a test moves it to see due dates and overdue lists follow; the demo
 * tells its story on the story's dates ({@link #moveTo}, the engine's clock too) and then puts it
 * back ({@link #reset}).
 */
public class TrackerClock extends Clock {

  private final AtomicReference<Duration> shift;
  private final ZoneId zone;

  public TrackerClock(ZoneId zone) {
    this(new AtomicReference<>(Duration.ZERO), zone);
  }

  private TrackerClock(AtomicReference<Duration> shift, ZoneId zone) {
    this.shift = shift;
    this.zone = zone;
  }

  /**
   * Moves the tracker's time forward (or back, with a negative duration); the engine keeps its own.
   */
  public void move(Duration by) {
    shift.accumulateAndGet(by, Duration::plus);
  }

  /**
   * Sets the tracker's time and the engine's (task create times, due dates, timers) to {@code
   * moment}, from where both run on: what is done next happened then.
   */
  public void moveTo(Instant moment) {
    Duration by = Duration.between(Instant.now(), moment);
    shift.set(by);
    ClockUtil.offset(by.toMillis());
  }

  /** Back to the system's time, the engine's too. */
  public void reset() {
    shift.set(Duration.ZERO);
    ClockUtil.reset();
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
    return new TrackerClock(shift, zone);
  }
}
