package org.bucn.tracker.infrastructure.security;

import java.util.Map;
import org.bucn.tracker.user.ApiTokens;
import org.bucn.tracker.user.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Reads a personal API token ({@code Authorization: Bearer sct_…}) against our own table: the
 * person it belongs to, with the roles stored now, or a refusal when it is unknown, expired,
 * revoked or its owner disabled.
 */
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiTokens tokens;

  ApiTokenIntrospector(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    return tokens
        .authenticate(token)
        .<OAuth2AuthenticatedPrincipal>map(
            user ->
                new DefaultOAuth2AuthenticatedPrincipal(
                    user.username(),
                    Map.of("sub", user.username()),
                    user.roles().stream()
                        .map(Role::authority)
                        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                        .toList()))
        .orElseThrow(
            () -> new BadOpaqueTokenException("The API token is unknown, expired or revoked"));
  }
}
