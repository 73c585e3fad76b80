package org.bucn.tracker.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the tracker says to the person it is answering, in their language: flash messages and other
 * sentences a controller composes ({@code texts.of("flash.claimed", task, country)}). Outside a
 * request, English.
 */
@Component
public class Texts {

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  /** The bundle's sentence for {@code code} with its arguments. */
  public String of(String code, Object... args) {
    return in(reader(), code, args);
  }

  /**
   * What a refusal ({@link Refusal}, {@link Forbidden}) or a check says, in the reader's language.
   */
  public String of(MessageSourceResolvable said) {
    return messages.getMessage(said, reader());
  }

  /**
   * The message of a failure a person reads: a refusal's in their language, any other's as it was
   * written.
   */
  public String why(Throwable failure) {
    return failure instanceof MessageSourceResolvable said ? of(said) : failure.getMessage();
  }

  /**
   * A failure's message as the record keeps it (a reply waiting with its reason): a refusal's in
   * English, the language records are written in; any other's as it was written.
   */
  public String forTheRecord(Throwable failure) {
    return failure instanceof MessageSourceResolvable said
        ? messages.getMessage(said, Locale.ENGLISH)
        : failure.getMessage();
  }

  /** The sentence in a given language: what is kept for the record is written in English. */
  public String in(Locale language, String code, Object... args) {
    return messages.getMessage(code, args, language);
  }

  /** The bundle's sentence for {@code code}, or {@code otherwise} where the bundles have none. */
  public String orElse(String code, String otherwise) {
    return messages.getMessage(code, null, otherwise, reader());
  }

  /** A task's name, from its key ({@code task.draftAppeal}); the key itself if none is known. */
  public String task(String taskKey) {
    return task(taskKey, reader());
  }

  public String task(String taskKey, Locale language) {
    return taskKey == null ? "" : messages.getMessage("task." + taskKey, null, taskKey, language);
  }

  /**
   * An enum constant as words ({@code label.AWAITING_RESPONSE}), or, for constants not in the
   * bundles, as English words: NON_RECOGNITION → "non-recognition".
   */
  public String label(Object constant) {
    return label(constant, reader());
  }

  public String label(Object constant, Locale language) {
    if (constant == null) {
      return "";
    }
    String translated = messages.getMessage("label." + constant, null, null, language);
    if (translated != null) {
      return translated;
    }
    String name = constant.toString().toLowerCase(Locale.ROOT);
    return name.equals("non_recognition") ? "non-recognition" : name.replace('_', ' ');
  }

  /** The interface language being read; English outside a request. */
  public static Locale reader() {
    return InterfaceLanguage.closest(LocaleContextHolder.getLocale())
        .orElse(InterfaceLanguage.EN)
        .locale();
  }
}
