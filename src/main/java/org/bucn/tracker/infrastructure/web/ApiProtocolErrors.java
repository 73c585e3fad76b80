package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Problems found before any API controller is chosen (a method the path does not take: 405; a body
 * of a type the operation does not take: 415; an answer the caller does not accept: 406) are
 * answered as problem+json too, with their {@code Allow} or {@code Accept} header; without this
 * they went out with an empty body, as no controller advice applies yet.
 */
@Component
class ApiProtocolErrors implements HandlerExceptionResolver, Ordered {

  private final ObjectMapper json;

  ApiProtocolErrors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (handler != null
        || !(e instanceof ErrorResponse error)
        || !request
            .getRequestURI()
            .substring(request.getContextPath().length())
            .startsWith("/api/")) {
      return null;
    }
    try {
      error
          .getHeaders()
          .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
      String detail = error.getBody().getDetail();
      Problems.write(
          request, response, json, status, detail == null ? status.getReasonPhrase() : detail);
      return new ModelAndView();
    } catch (IOException | IllegalArgumentException unwritable) {
      return null;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
