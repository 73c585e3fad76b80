package org.bucn.tracker.shared;

/** Something asked for by id does not exist: 404 on the API, the 404 page on the web. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super("No " + what + " with id " + id);
  }
}
