package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.user.UserAccount;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language and time zone of a request: the person's own (profile, {@code PUT /api/me}), else
 * the language picked on an anonymous page ({@code ?lang=}, kept in a cookie), else the closest the
 * browser or API client asks for ({@code Accept-Language}), else English; times in the person's
 * zone, else Europe/Belgrade.
 */
@Component("localeResolver")
class PersonLocales implements LocaleContextResolver {

  static final String COOKIE = "tracker-lang";

  /** The language picked with {@code ?lang=} on this very request, before its cookie comes back. */
  private static final String PICKED = PersonLocales.class.getName() + ".picked";

  @Override
  public LocaleContext resolveLocaleContext(HttpServletRequest request) {
    Optional<UserAccount> person =
        Optional.ofNullable(request.getAttribute(UserAccount.OF_THIS_REQUEST))
            .map(UserAccount.class::cast);
    InterfaceLanguage language =
        person
            .flatMap(p -> InterfaceLanguage.ofTag(p.language()))
            .or(() -> cookie(request).flatMap(InterfaceLanguage::ofTag))
            .or(() -> asked(request))
            .orElse(InterfaceLanguage.EN);
    ZoneId zone = person.map(UserAccount::zone).orElse(InterfaceLanguage.DEFAULT_ZONE);
    return new SimpleTimeZoneAwareLocaleContext(language.locale(), TimeZone.getTimeZone(zone));
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return resolveLocaleContext(request).getLocale();
  }

  /**
   * {@code ?lang=uk} on any page: kept for a year in a cookie; a language the tracker lacks is
   * ignored.
   */
  @Override
  public void setLocaleContext(
      HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
    Optional.ofNullable(context)
        .map(LocaleContext::getLocale)
        .flatMap(InterfaceLanguage::closest)
        .ifPresent(
            language -> {
              Cookie cookie = new Cookie(COOKIE, language.tag());
              cookie.setPath("/");
              cookie.setHttpOnly(true);
              cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
              cookie.setAttribute("SameSite", "Lax");
              response.addCookie(cookie);
              request.setAttribute(PICKED, language);
            });
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    setLocaleContext(request, response, locale == null ? null : () -> locale);
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    Object picked = request.getAttribute(PICKED);
    if (picked instanceof InterfaceLanguage language) {
      return Optional.of(language.tag());
    }
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<InterfaceLanguage> asked(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Optional.empty();
    }
    for (Locale locale : Collections.list(request.getLocales())) {
      Optional<InterfaceLanguage> language = InterfaceLanguage.closest(locale);
      if (language.isPresent()) {
        return language;
      }
    }
    return Optional.empty();
  }

  /**
   * The zone of the request being answered, for code that formats times (the pages' {@code @fmt}).
   */
  static ZoneId zoneOf(LocaleContext context) {
    return context instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null
        ? zoned.getTimeZone().toZoneId()
        : InterfaceLanguage.DEFAULT_ZONE;
  }
}
