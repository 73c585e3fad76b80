package org.bucn.tracker.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.bucn.tracker.infrastructure.web.Problems;
import org.bucn.tracker.shared.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks {@link LoginThrottle} before a login is tried (a login form post, or a request with Basic
 * credentials) and answers 429 with {@code Retry-After} while the account or address must wait; the
 * password is not even checked then.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final Texts texts;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, Texts texts) {
    this.throttle = throttle;
    this.json = json;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> username = loginAttempt(request);
    Optional<Duration> wait =
        username.flatMap(name -> throttle.waitBefore(name, request.getRemoteAddr()));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String detail = texts.of("refusal.api.throttled", wait.get().toSeconds());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      Problems.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, detail);
    } else {
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), detail);
    }
  }

  /**
   * The user name a request tries to log in as, if it tries. Basic credentials are read by Spring's
   * own {@link BasicAuthenticationConverter}, the one the Basic filter uses, so every spelling
   * Spring accepts ({@code Basic}, any case, then any one character) is throttled too. Any other
   * scheme (a Bearer token) is a try without a user name: the address's lock applies.
   */
  private static Optional<String> loginAttempt(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && !authorization.isBlank()) {
      try {
        UsernamePasswordAuthenticationToken basic = BASIC.convert(request);
        return Optional.of(basic == null ? "" : basic.getName());
      } catch (AuthenticationException e) {
        return Optional.of(
            ""); // malformed Basic: refused by the Basic filter, still a try from this address
      }
    }
    if ("POST".equals(request.getMethod())
        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      return Optional.ofNullable(request.getParameter("username"));
    }
    return Optional.empty();
  }
}
