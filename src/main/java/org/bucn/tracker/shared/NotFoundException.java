package org.bucn.tracker.shared;

/**
 * Something asked for by id does not exist: 404 on the API, the 404 page on the web. Said as {@code
 * refusal.notFound.<what>} with the id, in the reader's language.
 */
public class NotFoundException extends Refusal {

  public NotFoundException(String what, Object... ids) {
    super("refusal.notFound." + what, ids(ids));
  }

  /** Ids as they are written, never as numbers with a language's digit grouping. */
  private static Object[] ids(Object[] ids) {
    Object[] written = new Object[ids.length];
    for (int i = 0; i < ids.length; i++) {
      written[i] = String.valueOf(ids[i]);
    }
    return written;
  }
}
