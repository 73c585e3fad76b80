package org.bucn.tracker.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.bucn.tracker.infrastructure.web.Problems;
import org.bucn.tracker.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sends on behalf of another site, whatever
 * credentials it carries: the API skips CSRF tokens for callers that send an {@code Authorization}
 * header, and a browser that once answered a Basic prompt sends that header on a cross-site form
 * post too. Browsers say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin});
 * scripts say nothing and are let through.
 */
class CrossSiteWrites extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("security");
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ObjectMapper json;
  private final Texts texts;

  CrossSiteWrites(ObjectMapper json, Texts texts) {
    this.json = json;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
      log.warn(
          "refused a cross-site {} {} (Origin {}, Sec-Fetch-Site {})",
          request.getMethod(),
          request.getRequestURI(),
          clean(request.getHeader("Origin")),
          clean(request.getHeader("Sec-Fetch-Site")));
      Problems.write(
          request, response, json, HttpStatus.FORBIDDEN, texts.of("refusal.api.crossSite"));
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !sameOrigin(origin, request);
  }

  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    try {
      URI uri = URI.create(origin);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      return request.getScheme().equalsIgnoreCase(uri.getScheme())
          && request.getServerName().equalsIgnoreCase(uri.getHost())
          && request.getServerPort() == port;
    } catch (IllegalArgumentException e) {
      return false; // "null" (a sandboxed page) or garbage
    }
  }

  /** Header values go into the log without line breaks: a caller cannot forge log lines. */
  private static String clean(String value) {
    return value == null ? null : value.replaceAll("[\\r\\n]", "_");
  }
}
