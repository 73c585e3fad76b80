package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bucn.tracker.shared.IsoDurations;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Page forms ask for a duration as a number and a unit ({@code followUpInterval.amount=2}, {@code
 * followUpInterval.unit=WEEKS}); this joins them into the ISO-8601 field the form's record takes
 * ({@code followUpInterval=P14D}), as the API takes it. Only form posts are touched, never an
 * upload's body; a field sent whole is left as sent.
 */
@Component
class DurationFields extends OncePerRequestFilter {

  private static final String AMOUNT = ".amount";
  private static final String UNIT = ".unit";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod())
        || type == null
        || !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    boolean joined = false;
    for (String name : request.getParameterMap().keySet()) {
      if (name.endsWith(AMOUNT)) {
        String field = name.substring(0, name.length() - AMOUNT.length());
        String unit = request.getParameter(field + UNIT);
        if (unit != null && !parameters.containsKey(field)) {
          parameters.put(field, new String[] {IsoDurations.of(request.getParameter(name), unit)});
          joined = true;
        }
      }
    }
    chain.doFilter(joined ? new Joined(request, parameters) : request, response);
  }

  private static final class Joined extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;

    Joined(HttpServletRequest request, Map<String, String[]> parameters) {
      super(request);
      this.parameters = Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
