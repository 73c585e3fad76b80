package org.bucn.tracker.infrastructure.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web session remembers the roles a user had when logging in; this filter replaces them with the
 * roles stored now, and logs out a user who was disabled or removed, or whose password changed
 * since the session began, so that a lost role or an old password is lost on the next request. A
 * session also ends, however busy, {@code TRACKER_SESSION_LIFETIME} (12 hours) after its login: a
 * stolen session cookie is not good forever.
 */
class FreshRolesFilter extends OncePerRequestFilter {

  /** When the session's login happened (epoch milliseconds). */
  static final String LOGGED_IN_AT = "tracker.loggedInAt";

  /** The rules of every session, the same in each security chain. */
  @org.springframework.stereotype.Component
  static class Sessions {

    private final UserService users;
    private final java.time.Clock clock;
    private final java.time.Duration lifetime;

    Sessions(
        UserService users, java.time.Clock clock, org.bucn.tracker.TrackerProperties properties) {
      this.users = users;
      this.clock = clock;
      this.lifetime =
          properties.sessionLifetime() == null
              ? java.time.Duration.ofHours(12)
              : properties.sessionLifetime();
    }

    FreshRolesFilter filter() {
      return new FreshRolesFilter(this);
    }

    /** At login: notes in the new session the credentials it is opened with, and when. */
    SessionAuthenticationStrategy notingAtLogin() {
      return (authentication, request, response) -> {
        users
            .standing(authentication.getName())
            .ifPresent(
                standing ->
                    request
                        .getSession()
                        .setAttribute(UserService.SESSION_CREDENTIALS, standing.credentials()));
        request.getSession().setAttribute(LOGGED_IN_AT, clock.millis());
      };
    }

    /**
     * Whether the session's login is older than the lifetime; a session from before this rule
     * starts counting now.
     */
    boolean expired(HttpSession session) {
      if (session == null) {
        return false;
      }
      if (!(session.getAttribute(LOGGED_IN_AT) instanceof Long at)) {
        session.setAttribute(LOGGED_IN_AT, clock.millis());
        return false;
      }
      return clock.millis() - at > lifetime.toMillis();
    }
  }

  private final Sessions sessions;
  private final UserService users;

  private FreshRolesFilter(Sessions sessions) {
    this.sessions = sessions;
    this.users = sessions.users;
  }

  /**
   * Whether the request's session is one somebody logged into (not just one the login page opened).
   */
  static boolean loggedInSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository
                    .SPRING_SECURITY_CONTEXT_KEY)
            != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SecurityContext context = SecurityContextHolder.getContext();
    Authentication current = context.getAuthentication();
    if (current != null
        && current.isAuthenticated()
        && !(current instanceof AnonymousAuthenticationToken)) {
      Optional<UserService.Standing> standing = users.standing(current.getName());
      Optional<UserAccount> stored = standing.map(UserService.Standing::account);
      if (stored.isEmpty()
          || !stored.get().enabled()
          || passwordChangedSince(request, standing.get().credentials())
          || sessions.expired(request.getSession(false))) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else {
        request.setAttribute(UserAccount.OF_THIS_REQUEST, stored.get());
        Set<String> now =
            stored.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> before =
            current.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!now.equals(before)) {
          UsernamePasswordAuthenticationToken refreshed =
              UsernamePasswordAuthenticationToken.authenticated(
                  current.getPrincipal(),
                  null,
                  now.stream().map(SimpleGrantedAuthority::new).toList());
          refreshed.setDetails(current.getDetails());
          SecurityContext fresh = SecurityContextHolder.createEmptyContext();
          fresh.setAuthentication(refreshed);
          SecurityContextHolder.setContext(fresh);
        }
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the session was opened with a password that has changed since (by an admin's reset or
   * on another device). A session from before this check noted nothing: it notes the credentials
   * now.
   */
  private static boolean passwordChangedSince(HttpServletRequest request, String credentials) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false; // HTTP Basic: the password is checked on every request
    }
    Object openedWith = session.getAttribute(UserService.SESSION_CREDENTIALS);
    if (openedWith == null) {
      session.setAttribute(UserService.SESSION_CREDENTIALS, credentials);
      return false;
    }
    return !openedWith.equals(credentials);
  }
}
