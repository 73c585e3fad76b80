package org.bucn.tracker.infrastructure.web;

import java.io.IOException;

/** A request body over the API's limit (413). */
public class RequestTooLargeException extends IOException {

  private final long limit;

  public RequestTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The most the API reads of a body, in bytes. */
  public long limit() {
    return limit;
  }
}
