package org.bucn.tracker.infrastructure.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, ages and labels as the pages show them: {@code ${@fmt.age(task.created)}}. Dates and times
 * are in the reader's language and time zone ({@link PersonLocales}), by the patterns of their
 * language's messages ({@code format.date}, {@code format.dateTime}); outside a request, in English
 * and the server's zone.
 */
@Component("fmt")
public class Formats {

  private final Clock clock;
  private final MessageSource messages;

  public Formats(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  /** One formatter per pattern and language, read once: a list page formats dates on every row. */
  private final java.util.Map<String, DateTimeFormatter> formatters =
      new java.util.concurrent.ConcurrentHashMap<>();

  private DateTimeFormatter pattern(String key) {
    Locale locale = reader();
    return formatters.computeIfAbsent(
        key + "|" + locale.toLanguageTag(),
        k ->
            DateTimeFormatter.ofPattern(
                messages.getMessage(key, null, locale), formatting(locale)));
  }

  /** The interface language being read; English outside a request. */
  private static Locale reader() {
    return InterfaceLanguage.closest(LocaleContextHolder.getLocale())
        .orElse(InterfaceLanguage.EN)
        .locale();
  }

  /** The locale whose month names a pattern uses: Montenegrin's are Serbian Latin ones. */
  private static Locale formatting(Locale locale) {
    return locale.getLanguage().equals("cnr") ? Locale.forLanguageTag("sr-Latn-ME") : locale;
  }

  private static ZoneId zone() {
    LocaleContext context = LocaleContextHolder.getLocaleContext();
    return context == null ? ZoneId.systemDefault() : PersonLocales.zoneOf(context);
  }

  public String date(TemporalAccessor value) {
    if (value == null) {
      return "";
    }
    if (value instanceof OffsetDateTime time) {
      return pattern("format.date").format(time.atZoneSameInstant(zone()));
    }
    return pattern("format.date").format(value);
  }

  public String dateTime(OffsetDateTime value) {
    return value == null ? "" : pattern("format.dateTime").format(value.atZoneSameInstant(zone()));
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

  /**
   * A stored duration as a form's number and unit (P14D → 2, WEEKS); none for one a form cannot
   * show.
   */
  public org.bucn.tracker.shared.IsoDurations.Parts durationParts(String value) {
    return org.bucn.tracker.shared.IsoDurations.parts(value).orElse(null);
  }

  /** The units a form offers for a duration. */
  public org.bucn.tracker.shared.IsoDurations.Unit[] durationUnits() {
    return org.bucn.tracker.shared.IsoDurations.Unit.values();
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
   * An enum constant as words in the reader's language ({@code label.AWAITING_RESPONSE} of the
   * bundles), or, for constants not yet in them, as English words: NON_RECOGNITION →
   * "non-recognition".
   */
  public String label(Object constant) {
    if (constant == null) {
      return "";
    }
    String translated = messages.getMessage("label." + constant, null, null, reader());
    if (translated != null) {
      return translated;
    }
    String name = constant.toString().toLowerCase(Locale.ROOT);
    return name.equals("non_recognition") ? "non-recognition" : name.replace('_', ' ');
  }

  /** Today as people read it, e.g. "27 Nov 2026". */
  public String todayText() {
    return pattern("format.date").format(LocalDate.now(clock.withZone(zone())));
  }

  /** Today as a date field's value, e.g. "2026-11-27". */
  public String today() {
    return LocalDate.now(clock).toString();
  }
}
