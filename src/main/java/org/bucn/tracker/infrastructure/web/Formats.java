package org.bucn.tracker.infrastructure.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates, ages and labels as the pages show them: {@code ${@fmt.age(task.created)}}. */
@Component("fmt")
public class Formats {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final ZoneId ZONE = ZoneId.systemDefault();

  private final Clock clock;

  public Formats(Clock clock) {
    this.clock = clock;
  }

  public String date(TemporalAccessor value) {
    if (value == null) {
      return "";
    }
    if (value instanceof OffsetDateTime time) {
      return DATE.format(time.atZoneSameInstant(ZONE));
    }
    return DATE.format(value);
  }

  public String dateTime(OffsetDateTime value) {
    return value == null ? "" : DATE_TIME.format(value.atZoneSameInstant(ZONE));
  }

  /** How long ago: "40 min", "5 h", "3 d". */
  public String age(OffsetDateTime since) {
    if (since == null) {
      return "";
    }
    Duration age = Duration.between(since, OffsetDateTime.now(clock));
    if (age.toMinutes() < 60) {
      return Math.max(0, age.toMinutes()) + " min";
    }
    if (age.toHours() < 48) {
      return age.toHours() + " h";
    }
    return age.toDays() + " d";
  }

  /** An ISO-8601 duration in words: P14D → "14 days", PT1H30M → "1 hour 30 minutes". */
  public String duration(String iso) {
    try {
      javax.xml.datatype.Duration d = org.bucn.tracker.shared.IsoDurations.parse(iso);
      StringBuilder words = new StringBuilder();
      int[] values = {
        d.getYears(), d.getMonths(), d.getDays(), d.getHours(), d.getMinutes(), d.getSeconds()
      };
      String[] units = {"year", "month", "day", "hour", "minute", "second"};
      for (int i = 0; i < values.length; i++) {
        if (values[i] > 0) {
          words
              .append(words.isEmpty() ? "" : " ")
              .append(values[i])
              .append(' ')
              .append(units[i])
              .append(values[i] == 1 ? "" : "s");
        }
      }
      return words.isEmpty() ? iso : words.toString();
    } catch (IllegalArgumentException notIso) {
      return iso; // shown as stored: campaigns accept only valid durations, so this is old data at
      // worst
    }
  }

  public boolean past(OffsetDateTime value) {
    return value != null && value.isBefore(OffsetDateTime.now(clock));
  }

  /**
   * An enum constant as words: NON_RECOGNITION → "non-recognition", AWAITING_RESPONSE → "awaiting
   * response".
   */
  public String label(Object constant) {
    if (constant == null) {
      return "";
    }
    String name = constant.toString().toLowerCase(Locale.ROOT);
    return name.equals("non_recognition") ? "non-recognition" : name.replace('_', ' ');
  }

  /** Today as people read it, e.g. "27 Nov 2026". */
  public String todayText() {
    return DATE.format(LocalDate.now(clock));
  }

  /** Today as a date field's value, e.g. "2026-11-27". */
  public String today() {
    return LocalDate.now(clock).toString();
  }
}
