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

  /** The units a person picks a duration in, as a number and a unit ("2 weeks"), never a code. */
  public enum Unit {
    MINUTES("PT%dM"),
    HOURS("PT%dH"),
    DAYS("P%dD"),
    WEEKS("P%dD"),
    MONTHS("P%dM");

    private final String pattern;

    Unit(String pattern) {
      this.pattern = pattern;
    }

    String iso(long amount) {
      return String.format(java.util.Locale.ROOT, pattern, this == WEEKS ? amount * 7 : amount);
    }
  }

  /**
   * The ISO duration a number and a unit say ({@code 2}, {@code WEEKS} → {@code P14D}); what is not
   * a whole positive number of a known unit comes back as typed, for the field's own check to name.
   */
  public static String of(String amount, String unit) {
    try {
      long value = Long.parseLong(amount.strip());
      if (value > 0) {
        return Unit.valueOf(unit.strip()).iso(value);
      }
    } catch (RuntimeException notANumberOrUnit) {
      // falls through: returned as typed
    }
    return (amount == null ? "" : amount.strip()) + " " + (unit == null ? "" : unit.strip());
  }

  /** A number and a unit that say an ISO duration, in the largest whole unit (P14D → 2 weeks). */
  public record Parts(String amount, Unit unit) {}

  /**
   * How a form shows a stored duration: in the largest whole unit, or, for what was typed and
   * refused ("x days"), as typed; a duration of seconds or of mixed units has none.
   */
  public static java.util.Optional<Parts> parts(String value) {
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher typed =
        java.util.regex.Pattern.compile("^(\\S*) ([A-Z]+)$").matcher(value.strip());
    if (typed.matches()) {
      try {
        return java.util.Optional.of(new Parts(typed.group(1), Unit.valueOf(typed.group(2))));
      } catch (IllegalArgumentException unknownUnit) {
        return java.util.Optional.empty();
      }
    }
    java.util.regex.Matcher iso =
        java.util.regex.Pattern.compile("^P(?:(\\d+)M|(\\d+)D|T(\\d+)H|T(\\d+)M)$")
            .matcher(value.strip());
    if (!iso.matches()) {
      return java.util.Optional.empty();
    }
    if (iso.group(1) != null) {
      return java.util.Optional.of(new Parts(iso.group(1), Unit.MONTHS));
    }
    if (iso.group(2) != null) {
      long days = Long.parseLong(iso.group(2));
      return java.util.Optional.of(
          days % 7 == 0
              ? new Parts(String.valueOf(days / 7), Unit.WEEKS)
              : new Parts(iso.group(2), Unit.DAYS));
    }
    return java.util.Optional.of(
        iso.group(3) != null
            ? new Parts(iso.group(3), Unit.HOURS)
            : new Parts(iso.group(4), Unit.MINUTES));
  }
}
