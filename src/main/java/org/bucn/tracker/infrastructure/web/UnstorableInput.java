package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Input PostgreSQL cannot store as sent, refused as the client's mistake (400 naming the field)
 * before it reaches a statement: the NUL character (PostgreSQL refuses it: a 500 before) and a lone
 * UTF-16 surrogate (the driver silently stored "?" instead), in a form or query parameter or in any
 * JSON string. Also: {@code /error} requested directly is 404; it is only the container's error
 * dispatch.
 */
@Configuration(proxyBeanMethods = false)
class UnstorableInput
    implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

  static final char NUL = '\u0000';
  static final String MESSAGE =
      "must not contain the NUL character or a broken (unpaired) surrogate character";

  /** Whether a text holds a character that cannot be stored as it is. */
  static boolean unstorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == NUL) {
        return true;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** JSON strings: a NUL anywhere fails like a value of the wrong type, named by its path. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer refuseNulInJson() {
    return builder ->
        builder.modulesToInstall(
            new SimpleModule("refuse-nul")
                .addDeserializer(
                    String.class,
                    new StringDeserializer() {
                      @Override
                      public String deserialize(JsonParser parser, DeserializationContext context)
                          throws IOException {
                        String value = super.deserialize(parser, context);
                        if (value != null && unstorable(value)) {
                          throw context.weirdStringException("(not shown)", String.class, MESSAGE);
                        }
                        return value;
                      }
                    }));
  }

  /**
   * A multipart body's fields and file names, checked once someone is logged in and a controller
   * takes them ({@link MultipartGate}): a NUL there is a 400 naming the field, a body that is not
   * multipart as it says a 400 naming {@code file}.
   */
  @Override
  public void addInterceptors(
      org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
    registry.addInterceptor(
        new org.springframework.web.servlet.HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!MultipartGate.multipart(request)
                || request.getDispatcherType() != DispatcherType.REQUEST) {
              return true;
            }
            var multipart =
                org.springframework.web.util.WebUtils.getNativeRequest(
                    request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
              for (String value : parameter.getValue()) {
                if (unstorable(value) || unstorable(parameter.getKey())) {
                  throw new org.bucn.tracker.shared.InvalidFieldException(
                      unstorable(parameter.getKey()) ? "(a parameter name)" : parameter.getKey(),
                      "refusal.json.brokenText");
                }
              }
            }
            if (multipart != null) {
              for (var file : multipart.getMultiFileMap().entrySet()) {
                for (var part : file.getValue()) {
                  if (part.getOriginalFilename() != null
                      && unstorable(part.getOriginalFilename())) {
                    throw new org.bucn.tracker.shared.InvalidFieldException(
                        file.getKey(), "refusal.file.brokenName");
                  }
                }
              }
            }
            return true;
          }
        });
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> refuseNulInParameters(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                if (request.getDispatcherType() == DispatcherType.REQUEST
                    && "/error"
                        .equals(
                            request.getRequestURI().substring(request.getContextPath().length()))) {
                  Problems.write(request, response, json, HttpStatus.NOT_FOUND, "No such page");
                  return;
                }
                // A multipart body is not read here, before login: its fields are checked after it
                // (above).
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                  for (String value : parameter.getValue()) {
                    if (unstorable(value) || unstorable(parameter.getKey())) {
                      String field =
                          unstorable(parameter.getKey())
                              ? "(a parameter name)"
                              : parameter.getKey();
                      Problems.writeInvalidField(request, response, json, field, MESSAGE);
                      return;
                    }
                  }
                }
                chain.doFilter(request, response);
              }
            });
    // After the size limit (a body is read for its parameters only once it is known to be small).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
