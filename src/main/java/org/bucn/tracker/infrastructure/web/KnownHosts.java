package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests addressed to the tracker by one of its names: the host of {@code
 * TRACKER_PUBLIC_BASE_URL}, those listed in {@code TRACKER_ALLOWED_HOSTS}, and the loopback names
 * (a browser on this machine). A page of another site that rebinds its own name to the tracker's
 * address (DNS rebinding) makes the browser send that name, and is refused with 400 before anything
 * else runs. Health checks and metrics scrapers that address the tracker by an IP address of the
 * machine are let through on their paths: those answer nothing a session could read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KnownHosts extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("security");
  static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final ObjectMapper json;
  private final Set<String> names = new HashSet<>(LOOPBACK);

  KnownHosts(ObjectMapper json, TrackerProperties properties) {
    this.json = json;
    if (properties.publicBaseUrl() != null && !properties.publicBaseUrl().isBlank()) {
      String host = URI.create(properties.publicBaseUrl().strip()).getHost();
      if (host != null) {
        names.add(host.toLowerCase(Locale.ROOT));
      }
    }
    for (String extra :
        properties.allowedHosts() == null ? new String[0] : properties.allowedHosts().split(",")) {
      if (!extra.isBlank()) {
        names.add(extra.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/actuator/health")
        || path.startsWith("/actuator/health/")
        || path.equals("/actuator/prometheus");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String host =
        request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
    if (!names.contains(host)) {
      log.warn(
          "refused a request for host {} ({} {}): not a name of this tracker",
          host,
          request.getMethod(),
          request.getRequestURI());
      Problems.writeInvalidField(
          request,
          response,
          json,
          "Host",
          "names no host of this tracker: use "
              + String.join(
                  ", ", names.stream().filter(n -> !LOOPBACK.contains(n)).sorted().toList())
              + " (TRACKER_PUBLIC_BASE_URL, TRACKER_ALLOWED_HOSTS)");
      return;
    }
    chain.doFilter(request, response);
  }
}
