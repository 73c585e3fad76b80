package org.bucn.tracker.infrastructure.web;

import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.shared.TooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The error pages of the page controllers ({@link PageController}) for our own exceptions; 403 and
 * 500 come from Spring's error page.
 */
@ControllerAdvice(annotations = PageController.class)
class WebExceptionHandler {

  private final Texts texts;

  WebExceptionHandler(Texts texts) {
    this.texts = texts;
  }

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "error/404";
  }

  @ExceptionHandler(InvalidFieldException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalid(InvalidFieldException e, org.springframework.ui.Model model) {
    model.addAttribute("message", e.field() + ": " + texts.of(e));
    return "error/400";
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  String unreadableMultipart(
      org.springframework.web.multipart.MultipartException e,
      org.springframework.ui.Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    boolean tooLarge =
        e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException;
    response.setStatus(
        tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
    model.addAttribute(
        "message",
        tooLarge
            ? texts.of("refusal.file.uploadTooLarge")
            : "file: " + texts.of("refusal.file.unreadableMultipart"));
    return "error/400";
  }

  @ExceptionHandler(TooLargeException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  String tooLarge(TooLargeException e, org.springframework.ui.Model model) {
    model.addAttribute("message", texts.of(e));
    return "error/400";
  }

  @ExceptionHandler(org.bucn.tracker.shared.TooManyRequestsException.class)
  @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
  String tooMany(
      org.bucn.tracker.shared.TooManyRequestsException e,
      org.springframework.ui.Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    response.setHeader(
        org.springframework.http.HttpHeaders.RETRY_AFTER,
        Long.toString(e.retryAfter().toSeconds()));
    model.addAttribute("message", texts.of(e));
    return "error/429";
  }

  @ExceptionHandler(ConflictException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String conflict(ConflictException e, org.springframework.ui.Model model) {
    model.addAttribute("message", texts.of(e));
    return "error/409";
  }
}
