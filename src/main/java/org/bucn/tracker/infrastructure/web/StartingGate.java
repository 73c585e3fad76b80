package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing but health and the page's own styles is answered until the start has finished (the demo's
 * users and story made, the engine's first jobs queued): the web server listens some seconds
 * earlier, and a newcomer who logged in then was refused, the demo users not made yet. Meanwhile
 * people get a page that says so and tries again by itself, clients a 503 with {@code Retry-After};
 * readiness is Spring Boot's, reached once every start-up runner is done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartingGate extends OncePerRequestFilter {

  static final String MESSAGE = "The tracker is starting; try again in a few seconds.";

  private final ApplicationAvailability availability;
  private final ObjectMapper json;
  private volatile boolean open;

  StartingGate(ApplicationAvailability availability, ObjectMapper json) {
    this.availability = availability;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (open || opened() || passes(request)) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute("starting", true); // the 503 page says "starting", not "database"
    DatabaseOutage.unavailable(request, response, json, MESSAGE);
  }

  private boolean opened() {
    open = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    return open;
  }

  private static boolean passes(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/actuator/health")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.startsWith("/img/")
        || path.equals("/favicon.ico")
        || path.equals("/error");
  }
}
