package org.bucn.tracker.shared;

import java.time.Instant;
import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * ISO-8601 durations (P14D, P1M, PT30S) read as the Camunda engine reads timer durations: with
 * {@code javax.xml.datatype}. One factory for the application: {@link
 * DatatypeFactory#newInstance()} searches the whole class path for a provider on every call (it was
 * a tenth of a task completion's time in the lifecycle benchmark's profile).
 */
public final class IsoDurations {

  private static final DatatypeFactory FACTORY;

  static {
    try {
      FACTORY = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private IsoDurations() {}

  /** The duration, or {@link IllegalArgumentException} when the text is not one. */
  public static Duration parse(String iso) {
    return FACTORY.newDuration(iso.trim());
  }

  /** The instant that comes the duration after {@code from}, months and years by the calendar. */
  public static Instant after(String iso, Instant from) {
    Date at = Date.from(from);
    parse(iso).addTo(at);
    return at.toInstant();
  }
}
