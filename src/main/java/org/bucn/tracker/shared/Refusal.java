package org.bucn.tracker.shared;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why the tracker refused a request, kept as a sentence of the bundles ({@code refusal.*}) and its
 * arguments, so that each person reads it in their own language: a page through {@code
 * texts.of(refusal)}, an API client in the problem document by its {@code Accept-Language}. The
 * exception's own message is the code and its arguments, for the log.
 */
public abstract class Refusal extends RuntimeException implements Sentenced {

  private final String code;
  private final Object[] args;

  protected Refusal(String code, Object... args) {
    super(code + (args.length == 0 ? "" : " " + Arrays.deepToString(args)));
    this.code = Sentenced.checked(code);
    this.args = args.clone();
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Object[] args() {
    return args.clone();
  }

  /** A task named in the reader's language, from its key ({@code draftAppeal}). */
  public static MessageSourceResolvable task(String taskKey) {
    return new DefaultMessageSourceResolvable(new String[] {"task." + taskKey}, taskKey);
  }

  /** A code read as its label in the reader's language ({@code label.SUBMITTED}). */
  public static MessageSourceResolvable label(Enum<?> constant) {
    return new DefaultMessageSourceResolvable(
        new String[] {"label." + constant.name()},
        constant.name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  /** Several codes as an API client types them, joined: "DRAFT, ACTIVE". */
  public static String codes(Object[] constants) {
    return String.join(", ", Arrays.stream(constants).map(String::valueOf).toList());
  }
}
