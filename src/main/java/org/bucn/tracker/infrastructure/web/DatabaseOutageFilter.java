package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when the database is unreachable anywhere below it: in the
 * security filters (the user lookup of a login or of a session's fresh roles) as much as in a
 * controller. Runs outside Spring Security, so an outage is never mistaken for a bad login.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final ObjectMapper json;

  DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseOutage.causes(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "Database unreachable while answering {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.getMessage());
      DatabaseOutage.answer(request, response, json);
    }
  }
}
