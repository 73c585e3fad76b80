package idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server on a
 * port of its own, with the client "tracker" (no consent screen) and three people. Kept outside
 * {@code org.bucn.tracker} so that the tracker's component scan never finds it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  ErrorMvcAutoConfiguration.class,
  SecurityAutoConfiguration.class,
  SecurityFilterAutoConfiguration.class
})
public class TestIdentityProvider {

  /**
   * What the provider says about each person: e-mail, whether it verified it, name (the tracker
   * links by verified e-mail). Mallory chose Ana's user name and typed Ana's address unverified.
   */
  static final Map<String, Map<String, Object>> PEOPLE =
      Map.of(
          "ana.petrovic",
              Map.of(
                  "email",
                  "ana.sso@example.org",
                  "email_verified",
                  true,
                  "name",
                  "Ana Petrović",
                  "roles",
                  java.util.List.of("advocate")),
          "stranger",
              Map.of(
                  "email",
                  "stranger@example.org",
                  "email_verified",
                  true,
                  "name",
                  "Someone Else",
                  "roles",
                  java.util.List.of()),
          "dora",
              Map.of(
                  "email",
                  "dora.sso@example.org",
                  "email_verified",
                  true,
                  "name",
                  "Dora Disabled",
                  "roles",
                  java.util.List.of()),
          "mallory",
              Map.of(
                  "preferred_username",
                  "ana",
                  "email",
                  "ANA.SSO@example.org",
                  "email_verified",
                  false,
                  "name",
                  "Ana"));

  /**
   * Starts the provider; {@code tracker} is the address the tracker will listen at (for its
   * redirect URIs).
   */
  public static ConfigurableApplicationContext start(String tracker) {
    return new SpringApplicationBuilder(TestIdentityProvider.class)
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "logging.level.root=warn",
            "tracker.url=" + tracker,
            "server.servlet.session.cookie.name=IDPSESSION")
        .run();
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, as -> as.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signIn(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService people() {
    return new InMemoryUserDetailsManager(
        PEOPLE.keySet().stream()
            .map(name -> User.withUsername(name).password("{noop}secret").roles("USER").build())
            .toList());
  }

  @Bean
  RegisteredClientRepository clients(@Value("${tracker.url}") String tracker) {
    return new InMemoryRegisteredClientRepository(
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId("tracker")
            .clientSecret("{noop}tracker-secret")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(tracker + "/login/oauth2/code/sso")
            .postLogoutRedirectUri(tracker + "/login?logout")
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .scope(OidcScopes.EMAIL)
            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
            .build());
  }

  /**
   * The ID token carries each person's e-mail, name and roles (for TRACKER_OIDC_ROLES_CLAIM=roles).
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    return context -> {
      if ("id_token".equals(context.getTokenType().getValue())) {
        PEOPLE
            .getOrDefault(context.getPrincipal().getName(), Map.of())
            .forEach((claim, value) -> context.getClaims().claim(claim, value));
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /** The provider's user-info endpoint reads its own access tokens with this. */
  @Bean
  org.springframework.security.oauth2.jwt.JwtDecoder tokens(JWKSource<SecurityContext> keys) {
    return org.springframework.security.oauth2.server.authorization.config.annotation.web
        .configuration.OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
  }

  @Bean
  AuthorizationServerSettings settings() {
    return AuthorizationServerSettings.builder().build();
  }
}
