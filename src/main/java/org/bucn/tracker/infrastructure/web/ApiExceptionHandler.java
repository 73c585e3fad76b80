package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.DamagedDataException;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.shared.TooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every API error into a problem document that names the bad field; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Texts texts;

  ApiExceptionHandler(Texts texts) {
    this.texts = texts;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, texts.of(e));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, texts.of(e));
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return problem;
  }

  @ExceptionHandler({
    OptimisticLockingFailureException.class,
    PessimisticLockingFailureException.class,
    DuplicateKeyException.class,
    org.camunda.bpm.engine.OptimisticLockingException.class,
    org.camunda.bpm.engine.TaskAlreadyClaimedException.class
  })
  ProblemDetail lostRace(RuntimeException e) {
    log.debug("Lost a race", e);
    return Problems.of(HttpStatus.CONFLICT, texts.of("refusal.lostRace"));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException e) {
    return Problems.invalid(List.of(new Problems.FieldError(e.field(), texts.of(e))));
  }

  @ExceptionHandler(org.bucn.tracker.shared.InvalidFieldsException.class)
  ProblemDetail invalidFields(org.bucn.tracker.shared.InvalidFieldsException e) {
    return Problems.invalid(
        e.errors().stream()
            .map(error -> new Problems.FieldError(error.field(), texts.of(error)))
            .toList());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolations(ConstraintViolationException e) {
    return Problems.invalid(
        e.getConstraintViolations().stream()
            .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
    org.bucn.tracker.infrastructure.security.SecurityEvents.denied(request, e);
    return Problems.of(
        HttpStatus.FORBIDDEN,
        e instanceof Forbidden why ? texts.of(why) : texts.of("refusal.forbidden.roles"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.invalid(
        List.of(new Problems.FieldError(e.getName(), texts.of("typeMismatch"))));
  }

  @ExceptionHandler(TooLargeException.class)
  ProblemDetail tooLarge(TooLargeException e) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, texts.of(e));
  }

  @ExceptionHandler(org.bucn.tracker.shared.TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(org.bucn.tracker.shared.TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(
            org.springframework.http.HttpHeaders.RETRY_AFTER,
            Long.toString(e.retryAfter().toSeconds()))
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, texts.of(e)));
  }

  @ExceptionHandler(DamagedDataException.class)
  ProblemDetail damaged(DamagedDataException e) {
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, texts.of(e));
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ProblemDetail tooLarge(RequestTooLargeException e) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, texts.of("refusal.body.tooLarge", e.limit()));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Problems.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    if (errors.isEmpty()) {
      errors =
          e.getBindingResult().getGlobalErrors().stream()
              .map(g -> new Problems.FieldError(g.getObjectName(), g.getDefaultMessage()))
              .toList();
    }
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Problems.FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new Problems.FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof RequestTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return ResponseEntity.badRequest().body(invalidField(InvalidFieldException.of(mapping)));
    }
    return ResponseEntity.badRequest()
        .body(
            Problems.invalid(
                List.of(new Problems.FieldError("body", texts.of("refusal.body.notJson")))));
  }

  /**
   * A body that says it is multipart but cannot be read as such (no boundary, broken parts, a NUL
   * in a file name).
   */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableMultipart(
      org.springframework.web.multipart.MultipartException e) {
    if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, texts.of("refusal.file.uploadTooLarge")));
    }
    return ResponseEntity.badRequest()
        .body(
            Problems.invalid(
                List.of(
                    new Problems.FieldError(
                        "file", texts.of("refusal.file.unreadableMultipart")))));
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    if (DatabaseOutage.causes(e)) {
      log.warn("Database unreachable: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
          .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE));
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(
            Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed"));
  }
}
