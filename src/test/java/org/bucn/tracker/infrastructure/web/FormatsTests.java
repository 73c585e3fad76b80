package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.bucn.tracker.shared.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Durations and ages in the reader's words, counted as each language counts. */
class FormatsTests {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private final IcuMessageSource messages = new IcuMessageSource();
  private final Formats fmt =
      new Formats(Clock.fixed(NOW, ZoneOffset.UTC), messages, new Texts(messages));

  @AfterEach
  void englishAgain() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void durationsReadAsWordsInEnglish() {
    assertThat(fmt.duration("P14D")).isEqualTo("14 days");
    assertThat(fmt.duration("PT1H30M")).isEqualTo("1 hour 30 minutes");
    assertThat(fmt.duration("PT1S")).isEqualTo("1 second");
  }

  @Test
  void ukrainianCountsInItsThreeForms() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("uk"));
    assertThat(fmt.duration("P1D")).isEqualTo("1 день");
    assertThat(fmt.duration("P3D")).isEqualTo("3 дні");
    assertThat(fmt.duration("P14D")).isEqualTo("14 днів");
    assertThat(fmt.age(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(5)))
        .isEqualTo("5 год");
  }

  @Test
  void serbianCyrillicSaysItsOwnWords() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("sr-Cyrl"));
    assertThat(fmt.duration("P14D")).isEqualTo("14 дана");
    assertThat(fmt.duration("P21D")).isEqualTo("21 дан");
    assertThat(fmt.task("draftAppeal")).isNotEqualTo("Draft the appeal");
  }
}
