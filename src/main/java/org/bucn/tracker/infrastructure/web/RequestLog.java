package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One log line per request ({@code GET /api/tasks 200 12 ms}) on the logger {@code
 * org.bucn.tracker.request}, and the request's context on every line logged while it runs: {@code
 * request.id} (the caller's {@code X-Request-Id} when it is a plain token, else a new one, sent
 * back in the same header), {@code user.name} once the person is known and {@code appeal.id} on an
 * appeal's pages and API. With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} these are fields of
 * each JSON line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestLog extends OncePerRequestFilter implements WebMvcConfigurer {

  static final String HEADER = "X-Request-Id";
  static final String REQUEST_ID = "request.id";
  static final String USER = "user.name";
  static final String APPEAL = "appeal.id";
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern APPEAL_PATH = Pattern.compile("^/(api/)?appeals/\\{id}.*");
  private static final Logger log = LoggerFactory.getLogger("org.bucn.tracker.request");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id =
        given != null && PLAIN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    MDC.put(REQUEST_ID, id);
    response.setHeader(HEADER, id);
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (log.isInfoEnabled()) {
        String user = MDC.get(USER);
        log.info(
            "{} {} {} {} ms {} {}",
            request.getMethod(),
            request.getRequestURI(),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000,
            user == null ? "-" : user,
            request.getRemoteAddr());
      }
      MDC.remove(REQUEST_ID);
      MDC.remove(USER);
      MDC.remove(APPEAL);
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            Principal user = request.getUserPrincipal();
            if (user != null) {
              MDC.put(USER, user.getName());
            }
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (pattern != null
                && APPEAL_PATH.matcher(pattern.toString()).matches()
                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    instanceof Map<?, ?> variables
                && variables.get("id") != null) {
              MDC.put(APPEAL, variables.get("id").toString());
            }
            return true;
          }
        });
  }
}
