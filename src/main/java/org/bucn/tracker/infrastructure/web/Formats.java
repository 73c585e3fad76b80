package org.bucn.tracker.infrastructure.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.bucn.tracker.shared.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

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
  private final Texts texts;

  public Formats(Clock clock, MessageSource messages, Texts texts) {
    this.clock = clock;
    this.messages = messages;
    this.texts = texts;
  }

  /** One formatter per pattern and language, read once: a list page formats dates on every row. */
  private final java.util.Map<String, DateTimeFormatter> formatters =
      new java.util.concurrent.ConcurrentHashMap<>();

  private DateTimeFormatter pattern(String key) {
    return pattern(key, reader());
  }

  private DateTimeFormatter pattern(String key, Locale locale) {
    return formatters.computeIfAbsent(
        key + "|" + locale.toLanguageTag(),
        k ->
            DateTimeFormatter.ofPattern(
                messages.getMessage(key, null, locale), formatting(locale)));
  }

  private static Locale reader() {
    return Texts.reader();
  }

  /**
   * The locale whose month names (and zone names) a reader reads: Montenegrin's are Serbian Latin
   * ones.
   */
  static Locale formatting(Locale locale) {
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

  /** A day as a reader of the given language writes it. */
  public String date(LocalDate day, Locale language) {
    return day == null ? "" : pattern("format.date", language).format(day);
  }

  public String dateTime(OffsetDateTime value) {
    return value == null ? "" : pattern("format.dateTime").format(value.atZoneSameInstant(zone()));
  }

  /** How long ago, in the reader's language: "40 min", "5 h", "3 d". */
  public String age(OffsetDateTime since) {
    if (since == null) {
      return "";
    }
    Duration age = Duration.between(since, OffsetDateTime.now(clock));
    if (age.toMinutes() < 60) {
      return text("age.minutes", Math.max(0, age.toMinutes()));
    }
    if (age.toHours() < 48) {
      return text("age.hours", age.toHours());
    }
    return text("age.days", age.toDays());
  }

  /** A task's name in the reader's language, from its key ({@code task.draftAppeal}). */
  public String task(String taskKey) {
    return texts.task(taskKey);
  }

  private String text(String key, Object... args) {
    return texts.of(key, args);
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

  /**
   * An ISO-8601 duration in the reader's words: P14D → "14 days", PT1H30M → "1 hour 30 minutes".
   */
  public String duration(String iso) {
    try {
      javax.xml.datatype.Duration d = org.bucn.tracker.shared.IsoDurations.parse(iso);
      StringBuilder words = new StringBuilder();
      int[] values = {
        d.getYears(), d.getMonths(), d.getDays(), d.getHours(), d.getMinutes(), d.getSeconds()
      };
      String[] units = {"YEARS", "MONTHS", "DAYS", "HOURS", "MINUTES", "SECONDS"};
      for (int i = 0; i < values.length; i++) {
        if (values[i] > 0) {
          words.append(words.isEmpty() ? "" : " ").append(text("duration." + units[i], values[i]));
        }
      }
      return words.isEmpty() ? iso : words.toString();
    } catch (IllegalArgumentException notIso) {
      return iso; // shown as stored: campaigns accept only valid durations, so this is old data
    }
  }

  public boolean past(OffsetDateTime value) {
    return value != null && value.isBefore(OffsetDateTime.now(clock));
  }

  /**
   * A sentence whose first argument is a link, as HTML: {@code step.noAddress} with "the letter as
   * a PDF" linked to its address. Everything but the link's tag is escaped.
   */
  public String withLink(String code, String href, String linkText) {
    String marker = "\u0000link\u0000";
    String sentence = HtmlUtils.htmlEscape(texts.of(code, marker));
    return sentence.replace(
        marker,
        "<a href=\""
            + HtmlUtils.htmlEscape(href)
            + "\">"
            + HtmlUtils.htmlEscape(linkText)
            + "</a>");
  }

  /**
   * An enum constant as words in the reader's language: AWAITING_RESPONSE → "awaiting response".
   */
  public String label(Object constant) {
    return texts.label(constant);
  }

  /**
   * A country's name in the reader's language ("Сербія" for RS to a Ukrainian reader), from CLDR;
   * the directory's own name where CLDR has none or the reader reads English.
   */
  public String country(String code, String directoryName) {
    return country(code, directoryName, reader());
  }

  /** A country's name in {@code language}, as {@link #country(String, String)} gives it. */
  public String country(String code, String directoryName, Locale language) {
    if (code == null || language.getLanguage().equals("en")) {
      return directoryName;
    }
    String name = new Locale("", code).getDisplayCountry(formatting(language));
    return name.isBlank() || name.equals(code) ? directoryName : name;
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
