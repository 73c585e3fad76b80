package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents, the one error format of the API. */
public final class Problems {

  private Problems() {}

  /** One bad field: its name (a JSON path such as {@code targetIds[2]}) and what is wrong. */
  public record FieldError(String field, String message) {}

  public static ProblemDetail of(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  public static ProblemDetail invalid(List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("Invalid request");
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  /** A 400 naming one bad field, written straight to the response by a filter. */
  public static void writeInvalidField(
      HttpServletRequest request,
      HttpServletResponse response,
      ObjectMapper json,
      String field,
      String message)
      throws IOException {
    ProblemDetail problem = invalid(List.of(new FieldError(field, message)));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Writes a problem straight to the response, for filters that run before Spring MVC. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ObjectMapper json,
      HttpStatus status,
      String detail)
      throws IOException {
    ProblemDetail problem = of(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
