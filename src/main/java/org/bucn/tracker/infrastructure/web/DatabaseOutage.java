package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (server down, pool out of connections) from every other
 * failure: that is answered 503 with {@code Retry-After}, never 401 or 500, wherever it surfaces.
 */
public final class DatabaseOutage {

  /** Seconds a client should wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public static final String MESSAGE =
      "The database cannot be reached just now; nothing was changed. Try again in a few seconds.";

  private DatabaseOutage() {}

  /** The 503 answer: a problem document for the API and actuator, the 503 page for people. */
  public static void answer(
      HttpServletRequest request, HttpServletResponse response, ObjectMapper json)
      throws IOException {
    response.reset();
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
      Problems.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
    } else {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), MESSAGE);
    }
  }

  public static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      // SQL state class 08: connection exception (PostgreSQL's and every JDBC driver's).
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
