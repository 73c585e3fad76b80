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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web session remembers the roles a user had when logging in; this filter replaces them with
 * the roles stored now, and logs out a user who was disabled or removed, so that a lost role is
 * lost on the next request.
 */
class FreshRolesFilter extends OncePerRequestFilter {

  private final UserService users;

  FreshRolesFilter(UserService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SecurityContext context = SecurityContextHolder.getContext();
    Authentication current = context.getAuthentication();
    if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
      Optional<UserAccount> stored = users.find(current.getName());
      if (stored.isEmpty() || !stored.get().enabled()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else {
        Set<String> now = stored.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> before =
            current.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
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
}
