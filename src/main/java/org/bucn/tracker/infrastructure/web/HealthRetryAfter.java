package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health says DOWN with 503 and, as every other 503 of the tracker, when to ask again ({@code
 * Retry-After}), so that load balancers and probes back off alike.
 */
@Component
class HealthRetryAfter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals("/actuator/health") && !path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void setStatus(int status) {
            retryAfter(status);
            super.setStatus(status);
          }

          @Override
          public void sendError(int status, String message) throws IOException {
            retryAfter(status);
            super.sendError(status, message);
          }

          @Override
          public void sendError(int status) throws IOException {
            retryAfter(status);
            super.sendError(status);
          }

          private void retryAfter(int status) {
            if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && !containsHeader(HttpHeaders.RETRY_AFTER)) {
              setHeader(
                  HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            }
          }
        });
  }
}
