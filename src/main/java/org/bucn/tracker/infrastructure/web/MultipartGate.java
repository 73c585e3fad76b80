package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A multipart body (files) is read only where files are taken, and only for someone logged in.
 * Posted to any other address it is refused with 415 unread; to an address that takes files, its
 * parts stay unread until the request is authenticated: before that (the filters ahead of login,
 * the CSRF check of an anonymous caller) the request shows only its query string's parameters. So
 * an anonymous 20 MB body is never spooled to disk, and a slowly sent one holds no worker thread
 * beyond the 401.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MultipartGate extends OncePerRequestFilter {

  private final ObjectMapper json;
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private volatile List<Upload> uploads;

  /** An address that takes files, for these methods. */
  record Upload(
      PathPattern path,
      java.util.Set<org.springframework.web.bind.annotation.RequestMethod> methods) {}

  MultipartGate(
      ObjectMapper json,
      @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.json = json;
    this.mappings = mappings;
  }

  static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!multipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!takesFiles(request)) {
      Problems.write(
          request,
          response,
          json,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "This address takes no files: send the form URL-encoded or as JSON, not multipart/form-data");
      return;
    }
    chain.doFilter(new UnreadUntilLogin(request), response);
  }

  boolean takesFiles(HttpServletRequest request) {
    PathContainer path =
        PathContainer.parsePath(
            request.getRequestURI().substring(request.getContextPath().length()));
    return uploads().stream()
        .anyMatch(
            u ->
                u.path().matches(path)
                    && (u.methods().isEmpty()
                        || u.methods().stream()
                            .anyMatch(m -> m.name().equals(request.getMethod()))));
  }

  /** Every mapping with a file among its parameters, read once from Spring MVC's own table. */
  private List<Upload> uploads() {
    List<Upload> known = uploads;
    if (known == null) {
      List<Upload> found = new ArrayList<>();
      for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
          mappings.getObject().getHandlerMethods().entrySet()) {
        if (takesFiles(mapping.getValue())) {
          for (PathPattern pattern : mapping.getKey().getPathPatternsCondition().getPatterns()) {
            found.add(new Upload(pattern, mapping.getKey().getMethodsCondition().getMethods()));
          }
        }
      }
      known = List.copyOf(found);
      uploads = known;
    }
    return known;
  }

  private static boolean takesFiles(HandlerMethod method) {
    for (MethodParameter parameter : method.getMethodParameters()) {
      Class<?> type = parameter.getParameterType();
      if (parameter.hasParameterAnnotation(RequestPart.class)
          || MultipartFile.class.isAssignableFrom(type)
          || Part.class.isAssignableFrom(type)
          || type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType())) {
        return true;
      }
      if (Collection.class.isAssignableFrom(type)
          && parameter.getGenericParameterType() instanceof ParameterizedType generic
          && generic.getActualTypeArguments()[0] instanceof Class<?> element
          && MultipartFile.class.isAssignableFrom(element)) {
        return true;
      }
    }
    return false;
  }

  /** Someone logged in: not nobody, not the anonymous placeholder. */
  static boolean loggedIn() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
  }

  /** Shows the body's parameters and parts only once someone is logged in. */
  static final class UnreadUntilLogin extends HttpServletRequestWrapper {

    UnreadUntilLogin(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      if (loggedIn()) {
        return super.getParameter(name);
      }
      String[] values = queryParameters().get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return loggedIn() ? super.getParameterMap() : queryParameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return loggedIn()
          ? super.getParameterNames()
          : Collections.enumeration(queryParameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return loggedIn() ? super.getParameterValues(name) : queryParameters().get(name);
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
      if (!loggedIn()) {
        return List.of();
      }
      return super.getParts();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
      return loggedIn() ? super.getPart(name) : null;
    }

    private Map<String, String[]> queryParameters() {
      Map<String, List<String>> values = new LinkedHashMap<>();
      String query = getQueryString();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          values
              .computeIfAbsent(name, n -> new ArrayList<>())
              .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
      Map<String, String[]> result = new LinkedHashMap<>();
      values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
      return Collections.unmodifiableMap(result);
    }

    private static String decode(String value) {
      try {
        return UriUtils.decode(value.replace('+', ' '), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
  }
}
