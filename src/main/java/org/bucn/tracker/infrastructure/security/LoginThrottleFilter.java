package org.bucn.tracker.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.bucn.tracker.infrastructure.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks {@link LoginThrottle} before a login is tried (a login form post, or a request with Basic
 * credentials) and answers 429 with {@code Retry-After} while the account or address must wait;
 * the password is not even checked then.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> username = loginAttempt(request);
    Optional<Duration> wait = username.flatMap(name -> throttle.waitBefore(name, request.getRemoteAddr()));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String detail = "Too many failed logins: try again in " + wait.get().toSeconds() + " seconds";
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      Problems.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, detail);
    } else {
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), detail);
    }
  }

  /** The user name a request tries to log in as, if it tries. */
  private static Optional<String> loginAttempt(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return Optional.of(colon < 0 ? credentials : credentials.substring(0, colon));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not Base64: the Basic filter refuses it
      }
    }
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      return Optional.ofNullable(request.getParameter("username"));
    }
    return Optional.empty();
  }
}
