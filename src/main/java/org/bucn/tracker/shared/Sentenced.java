package org.bucn.tracker.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something said by a sentence of the bundles ({@code refusal.*}) and its arguments, for {@code
 * texts.of(…)} to read in the reader's language: every {@link Refusal} and {@link Forbidden}.
 */
public interface Sentenced extends MessageSourceResolvable {

  String code();

  /** The code, when it is one of a sentence the bundles say ({@code refusal.…}). */
  static String checked(String code) {
    if (!code.matches("refusal(\\.[a-zA-Z0-9]+)+")) {
      throw new IllegalArgumentException("Not the code of a refusal in the bundles: " + code);
    }
    return code;
  }

  Object[] args();

  @Override
  default String[] getCodes() {
    return new String[] {code()};
  }

  @Override
  default Object[] getArguments() {
    return args();
  }

  @Override
  default String getDefaultMessage() {
    return null;
  }
}
