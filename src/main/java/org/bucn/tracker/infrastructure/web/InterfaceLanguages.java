package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The interface's languages: its texts ({@link IcuMessageSource}), {@code ?lang=} on any page (the
 * switcher of the anonymous pages), and what the pages offer to choose ({@code @languages}).
 */
@Configuration(proxyBeanMethods = false)
class InterfaceLanguages implements WebMvcConfigurer {

  @Bean
  MessageSource messageSource() {
    return new IcuMessageSource();
  }

  private final PersonLocales locales;

  InterfaceLanguages(PersonLocales locales) {
    this.locales = locales;
  }

  /**
   * {@code ?lang=uk} on a page read with GET: read from the query string itself, so that no form
   * body (an upload among them) is parsed for it before its own checks run.
   */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!"GET".equals(request.getMethod())) {
              return true;
            }
            // A page's words follow the reader's language: caches keep one copy per language.
            response.addHeader("Vary", "Accept-Language, Cookie");
            if (request.getQueryString() == null) {
              return true;
            }
            UriComponentsBuilder.newInstance()
                .query(request.getQueryString())
                .build()
                .getQueryParams()
                .getOrDefault("lang", List.of())
                .stream()
                .findFirst()
                .flatMap(InterfaceLanguage::ofTag)
                .ifPresent(language -> locales.setLocale(request, response, language.locale()));
            return true;
          }
        });
  }
}
