package org.bucn.tracker.infrastructure.web;

import java.io.IOException;

/** A request body over the API's limit (413). */
public class RequestTooLargeException extends IOException {

  public RequestTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
