package org.bucn.tracker.infrastructure.security;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.SingleSignOnUsers;
import org.bucn.tracker.user.UserAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * OpenID Connect sign-in (Spring Security's OAuth2 client) when {@code TRACKER_OIDC_ISSUER} is set:
 * the provider's endpoints are discovered from the issuer at the first sign-in (so the tracker
 * starts while the provider is down), the person is matched to a tracker user by {@link
 * SingleSignOnUsers}, and logging out ends the provider's session too.
 */
final class SingleSignOn {

  static final String REGISTRATION = "sso";

  private SingleSignOn() {}

  /** The one provider, discovered from its issuer on first use. */
  static ClientRegistrationRepository registration(TrackerProperties.Oidc oidc) {
    return new ClientRegistrationRepository() {
      private volatile ClientRegistration discovered;

      @Override
      public ClientRegistration findByRegistrationId(String id) {
        if (!REGISTRATION.equals(id)) {
          return null;
        }
        if (discovered == null) {
          synchronized (this) {
            if (discovered == null) {
              discovered =
                  ClientRegistrations.fromIssuerLocation(oidc.issuer())
                      .registrationId(REGISTRATION)
                      .clientId(oidc.clientId())
                      .clientSecret(oidc.clientSecret())
                      .clientName(oidc.name())
                      .scope("openid", "profile", "email")
                      .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                      .build();
            }
          }
        }
        return discovered;
      }
    };
  }

  /**
   * The signed-in person as the tracker knows them: their username is the principal's name, their
   * roles ours.
   */
  static OAuth2UserService<OidcUserRequest, OidcUser> users(
      SingleSignOnUsers signOn, TrackerProperties.Oidc oidc) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser person = provider.loadUser(request);
      Collection<String> roles =
          oidc.rolesFromClaim() ? claimedRoles(person.getClaims().get(oidc.rolesClaim())) : null;
      UserAccount user;
      try {
        user =
            signOn.signIn(
                new SingleSignOnUsers.Claims(
                    String.valueOf(person.getIssuer()),
                    person.getSubject(),
                    person.getPreferredUsername(),
                    person.getEmail(),
                    Boolean.TRUE.equals(person.getEmailVerified()),
                    person.getFullName(),
                    roles),
                Boolean.TRUE.equals(oidc.autoCreate()));
      } catch (SingleSignOnUsers.Refused refused) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error(refused.reason().name().toLowerCase()), refused.getMessage());
      }
      List<GrantedAuthority> authorities =
          user.roles().stream()
              .map(Role::authority)
              .<GrantedAuthority>map(SimpleGrantedAuthority::new)
              .toList();
      String username = user.username();
      return new DefaultOidcUser(authorities, person.getIdToken(), person.getUserInfo()) {
        @Override
        public String getName() {
          return username;
        }
      };
    };
  }

  /**
   * The roles a roles claim lists: a list, or one string of names; null when the sign-in does not
   * carry the claim at all, so that the user's roles stay as they are (an empty claim empties
   * them).
   */
  static Collection<String> claimedRoles(Object claim) {
    if (claim instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String one) {
      return one.isBlank() ? List.of() : List.of(one.trim().split("[,\\s]+"));
    }
    return null;
  }

  /**
   * A refused sign-in lands on the login page, which says why ({@code
   * ?sso=unknown|disabled|ambiguous}).
   */
  static AuthenticationFailureHandler refused() {
    return (request, response, e) -> {
      String reason =
          e instanceof OAuth2AuthenticationException oauth
              ? oauth.getError().getErrorCode()
              : "failed";
      String shown =
          List.of("unknown", "disabled", "ambiguous").contains(reason) ? reason : "failed";
      new SimpleUrlAuthenticationFailureHandler("/login?sso=" + shown)
          .onAuthenticationFailure(request, response, e);
    };
  }

  /**
   * Logging out of the tracker ends the provider's session as well, then comes back to the login
   * page.
   */
  static LogoutSuccessHandler logout(ClientRegistrationRepository registrations) {
    OidcClientInitiatedLogoutSuccessHandler handler =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
    handler.setDefaultTargetUrl("/login?logout");
    return handler;
  }

  /**
   * The provider's origin, which the login and logout redirects go to (the pages' form-action
   * allows it).
   */
  static String origin(TrackerProperties.Oidc oidc) {
    URI issuer = URI.create(oidc.issuer());
    return issuer.getScheme() + "://" + issuer.getAuthority();
  }
}
