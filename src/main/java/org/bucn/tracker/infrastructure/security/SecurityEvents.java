package org.bucn.tracker.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * What the {@code security} log records besides failed and throttled logins ({@link LoginThrottle})
 * and cross-site writes ({@link CrossSiteWrites}): every login to a page session (password or
 * single sign-on) and logout, and every refusal (403) with its reason, a CSRF token missing or
 * wrong apart. Changes to users, roles, passwords and tokens are logged where they are made (the
 * user module). Each line names the user and the client's address; control characters never reach
 * the log (the log pattern).
 */
@Component
public class SecurityEvents {

  private static final Logger log = LoggerFactory.getLogger("security");

  @EventListener
  void loggedIn(InteractiveAuthenticationSuccessEvent event) {
    log.info(
        "login of {} from {} ({})",
        event.getAuthentication().getName(),
        address(event.getAuthentication()),
        event.getAuthentication().getClass().getSimpleName().replace("AuthenticationToken", ""));
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    log.info(
        "logout of {} from {}",
        event.getAuthentication().getName(),
        address(event.getAuthentication()));
  }

  /** A refusal: who, from where, what, and why (a CSRF token, or what their roles allow). */
  public static void denied(HttpServletRequest request, Exception reason) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String name = who == null || !who.isAuthenticated() ? "anonymous" : who.getName();
    String why =
        reason instanceof CsrfException
            ? "CSRF token missing or wrong"
            : "their roles do not allow it";
    log.warn(
        "refused {} {} for {} from {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        name,
        request.getRemoteAddr(),
        why);
  }

  private static String address(Authentication authentication) {
    return authentication != null
            && authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "unknown";
  }
}
