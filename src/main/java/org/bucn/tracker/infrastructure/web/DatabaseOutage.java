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
    unavailable(request, response, json, MESSAGE);
  }

  /** A 503 with {@code Retry-After}, saying {@code message}, as the API or as the 503 page. */
  static void unavailable(
      HttpServletRequest request, HttpServletResponse response, ObjectMapper json, String message)
      throws IOException {
    response.reset();
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
      Problems.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, message);
    } else {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), message);
    }
  }

  /**
   * Whether the database being unreachable is behind {@code failure}, however deep: through causes,
   * a failed rollback's original failure (a rollback on a dead connection fails too, and Spring
   * then reports that instead), a driver's chained exceptions and suppressed ones.
   */
  public static boolean causes(Throwable failure) {
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof org.springframework.transaction.TransactionSystemException tx
          && tx.getApplicationException() != null) {
        todo.add(tx.getApplicationException());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
      todo.addAll(java.util.List.of(t.getSuppressed()));
    }
    return false;
  }

  /**
   * SQL state class 08, a connection exception (PostgreSQL's and every JDBC driver's), and 57P01 to
   * 57P03: the server shut down, crashed, or is starting and refuses connections for now.
   */
  private static boolean lostConnection(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
