package org.bucn.tracker.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the timeline and mails write codes and dates for people: "by e-mail", "condemned", "28 Nov
 * 2026".
 */
public final class Words {

  private Words() {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  public static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }

  /**
   * A code in lower-case words: NON_RECOGNITION is "non-recognition", EMAIL "e-mail", NO_RESPONSE
   * "no response".
   */
  public static String of(Enum<?> code) {
    if (code == null) {
      return "";
    }
    return switch (code.name()) {
      case "EMAIL" -> "e-mail";
      case "NON_RECOGNITION" -> "non-recognition";
      default -> code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
