package org.bucn.tracker.shared;

import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request the person's roles do not allow (403), saying why in the reader's language: a sentence
 * of the bundles ({@code refusal.forbidden.*}) and its arguments, like every {@link Refusal}.
 */
public class Forbidden extends AccessDeniedException implements Sentenced {

  private final String code;
  private final Object[] args;

  public Forbidden(String code, Object... args) {
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
}
