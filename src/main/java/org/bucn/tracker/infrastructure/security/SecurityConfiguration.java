package org.bucn.tracker.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.web.DatabaseOutage;
import org.bucn.tracker.infrastructure.web.Problems;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.ApiTokens;
import org.bucn.tracker.user.SingleSignOnUsers;
import org.bucn.tracker.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: {@code /api/**} answers 401/403 as problem documents and never redirects;
 * the web pages use form login. Both read roles fresh from the database on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  private final Texts texts;

  SecurityConfiguration(Texts texts) {
    this.texts = texts;
  }

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * The dashboards draw the process with bpmn-js 8.0.0, the newest bpmn-js published as a WebJar,
   * which writes style attributes (the CSP-clean rewrite came in 9.1). Those pages alone allow
   * style attributes, never style elements or sheets from elsewhere: an attribute has no selectors
   * to read the page with, and every URL in it stays bound by img-src and font-src.
   */
  private static final String DIAGRAM_PAGE_POLICY =
      CONTENT_SECURITY_POLICY.replace(
          "style-src 'self';", "style-src 'self'; style-src-attr 'unsafe-inline';");

  /**
   * Swagger UI (springdoc's WebJar) adds one style element of its own; it alone is allowed, by its
   * hash. A newer Swagger UI with another element shows up as a console error in BrowserTests.
   */
  private static final String SWAGGER_UI_POLICY =
      CONTENT_SECURITY_POLICY.replace(
          "style-src 'self';",
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

  /**
   * No page of the tracker uses a camera, a microphone, the location, payments or devices: nobody
   * may ask for them.
   */
  private static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  private static final RequestMatcher SWAGGER_UI =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/api/docs"),
          PathPatternRequestMatcher.withDefaults().matcher("/api/swagger-ui/**"));

  private static final RequestMatcher DIAGRAM_PAGES =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/dashboard"),
          PathPatternRequestMatcher.withDefaults()
              .matcher(HttpMethod.GET, "/campaigns/{id}/dashboard"));

  /**
   * Whether the request carries a Bearer token (a personal API token), rather than Basic or a
   * session.
   */
  static boolean presentsToken(jakarta.servlet.http.HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * No observation around each of Spring Security's filters and decisions, on every request: nobody
   * reads them (the HTTP server's own metrics stay), and wrapping the chain cost a twentieth of a
   * task completion's time in the lifecycle benchmark's profile.
   */
  @Bean
  org.springframework.security.config.observation.SecurityObservationSettings
      securityObservations() {
    return org.springframework.security.config.observation.SecurityObservationSettings
        .noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * Logins against our user table. The password is checked before the account's state, so a
   * disabled account costs the same BCrypt round as any other and its answer comes no faster
   * (before, it was refused in 2 ms instead of about 60, telling a guesser which accounts exist).
   */
  @Bean
  DaoAuthenticationProvider passwordLogin(
      UserService users, PasswordEncoder passwords, TrackerProperties properties) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwords);
    provider.setPreAuthenticationChecks(user -> {});
    AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    provider.setPostAuthenticationChecks(
        user -> {
          accountStatus.check(user);
          // TRACKER_LOCAL_LOGIN=false: people sign in through the identity provider; a password
          // (form
          // or Basic) still lets an admin in when the provider is down (break-glass).
          if (!properties.passwordLoginForEveryone()
              && user.getAuthorities().stream()
                  .noneMatch(
                      a -> a.getAuthority().equals(org.bucn.tracker.user.Role.ADMIN.authority()))) {
            throw new org.springframework.security.authentication.DisabledException(
                "Password login is for admins only; sign in with single sign-on");
          }
        });
    return provider;
  }

  /**
   * The modules' rules for one surface ({@link AccessRules}), after the rules already given and
   * before the fallbacks that follow.
   */
  private static AuthorizeHttpRequestsConfigurer<HttpSecurity>
          .AuthorizationManagerRequestMatcherRegistry
      apply(
          Access.Surface surface,
          List<Access.Rule> rules,
          AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
              auth) {
    for (Access.Rule rule : rules) {
      if (!rule.surfaces().contains(surface)) {
        continue;
      }
      String[] paths = rule.paths(surface).toArray(String[]::new);
      List<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl> urls =
          rule.methods().methods.isEmpty()
              ? List.of(auth.requestMatchers(paths))
              : rule.methods().methods.stream().map(m -> auth.requestMatchers(m, paths)).toList();
      for (var url : urls) {
        if (rule.roles().isEmpty()) {
          url.permitAll();
        } else {
          url.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
        }
      }
    }
    return auth;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      List<AccessRules> modules,
      ObjectMapper json,
      UserService users,
      LoginThrottle throttle,
      ApiTokens tokens,
      FreshRolesFilter.Sessions sessions)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          if (DatabaseOutage.causes(e)) {
            DatabaseOutage.answer(request, response, json); // the user lookup failed, not the login
            return;
          }
          if (presentsToken(request)) {
            response.setHeader(
                "WWW-Authenticate", "Bearer realm=\"tracker\", error=\"invalid_token\"");
            Problems.write(
                request, response, json, HttpStatus.UNAUTHORIZED, texts.of("refusal.api.badToken"));
            return;
          }
          // Scripts get the Basic challenge; browsers do not, so they never show a prompt nor keep
          // credentials that another site's form could then send along.
          if (request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"tracker\"");
          }
          Problems.write(
              request, response, json, HttpStatus.UNAUTHORIZED, texts.of("refusal.api.logIn"));
        };
    AccessDeniedHandler forbidden =
        (request, response, e) -> {
          SecurityEvents.denied(request, e);
          Problems.write(
              request, response, json, HttpStatus.FORBIDDEN, texts.of("refusal.forbidden.roles"));
        };
    // Swagger UI (/api/docs and its files under /api/swagger-ui) is a page: the web chain serves
    // it, with the pages' login and Content-Security-Policy. The OpenAPI document is the API's own
    // contract: served to API callers as any /api resource (Basic, Bearer, session; 401, never a
    // redirect).
    http.securityMatcher(
            new org.springframework.security.web.util.matcher.AndRequestMatcher(
                new OrRequestMatcher(
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                    PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"),
                    PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**")),
                new NegatedRequestMatcher(SWAGGER_UI)))
        .authorizeHttpRequests(
            auth ->
                apply(
                        Access.Surface.API,
                        Access.of(modules),
                        auth.requestMatchers("/api/admin/**").hasRole("ADMIN"))
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.HEAD, "/api/**")
                    .authenticated()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .oauth2ResourceServer(
            bearer ->
                bearer
                    .opaqueToken(token -> token.introspector(new ApiTokenIntrospector(tokens)))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        // Basic requests never create a session; a browser's existing web session is honoured.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // Callers with an Authorization header (scripts) need no CSRF token; a browser sending one
        // for another site's page is refused first by CrossSiteWrites. Session callers need the
        // token.
        // A caller with neither (no session cookie, or a session nobody logged into) has nothing to
        // forge: it hears 401, not a CSRF 403.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    request ->
                        request.getHeader("Authorization") != null
                            || !FreshRolesFilter.loggedInSession(request)))
        .addFilterBefore(new CrossSiteWrites(json, texts), CsrfFilter.class)
        .addFilterBefore(
            new LoginThrottleFilter(throttle, json, texts), BasicAuthenticationFilter.class)
        .requestCache(cache -> cache.disable())
        .addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                    .crossOriginOpenerPolicy(
                        coop ->
                            coop.policy(
                                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy
                                    .SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorChain(
      HttpSecurity http,
      UserService users,
      ObjectMapper json,
      LoginThrottle throttle,
      ApiTokens tokens,
      FreshRolesFilter.Sessions sessions,
      @org.springframework.beans.factory.annotation.Value("${management.server.port:-1}")
          int managementPort,
      @org.springframework.beans.factory.annotation.Value("${server.port:8080}") int serverPort)
      throws Exception {
    // With MANAGEMENT_SERVER_PORT set, Prometheus scrapes on that port without a login: a port
    // the operator keeps to the monitoring network (MANAGEMENT_SERVER_ADDRESS). Everywhere else
    // the scrape is an admin's.
    RequestMatcher scrapeOnManagementPort =
        request ->
            managementPort > 0
                && managementPort != serverPort
                && request.getLocalPort() == managementPort
                && request.getRequestURI().equals("/actuator/prometheus");
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("tracker");
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          if (DatabaseOutage.causes(e)) {
            DatabaseOutage.answer(request, response, json);
          } else {
            basic.commence(request, response, e);
          }
        };
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(scrapeOnManagementPort)
                    .permitAll()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(unauthorized))
        // An admin's API token lets Prometheus scrape (bearer_token in its scrape config).
        .oauth2ResourceServer(
            bearer ->
                bearer
                    .opaqueToken(token -> token.introspector(new ApiTokenIntrospector(tokens)))
                    .authenticationEntryPoint(unauthorized))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
        .addFilterBefore(new CrossSiteWrites(json, texts), CsrfFilter.class)
        .addFilterBefore(
            new LoginThrottleFilter(throttle, json, texts), BasicAuthenticationFilter.class)
        .addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webChain(
      HttpSecurity http,
      List<AccessRules> modules,
      UserService users,
      ObjectMapper json,
      LoginThrottle throttle,
      TrackerProperties properties,
      FreshRolesFilter.Sessions sessions,
      SingleSignOnUsers signOn)
      throws Exception {
    TrackerProperties.Oidc oidc = properties.oidc();
    boolean sso = oidc != null && oidc.enabled();
    // With single sign-on, the login and logout redirects go to the provider: the pages' forms may
    // lead there.
    String pagePolicy =
        sso
            ? CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + SingleSignOn.origin(oidc))
            : CONTENT_SECURITY_POLICY;
    String diagramPolicy =
        sso
            ? DIAGRAM_PAGE_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + SingleSignOn.origin(oidc))
            : DIAGRAM_PAGE_POLICY;
    AuthenticationFailureHandler loginFailed =
        (request, response, e) -> {
          if (DatabaseOutage.causes(e)) {
            DatabaseOutage.answer(request, response, json);
          } else {
            new SimpleUrlAuthenticationFailureHandler("/login?error")
                .onAuthenticationFailure(request, response, e);
          }
        };
    http.authorizeHttpRequests(
            auth ->
                // Swagger UI's own WebJar (its demo page points at the petstore) is for logged-in
                // people, as /api/docs is.
                apply(
                        Access.Surface.PAGES,
                        Access.of(modules),
                        auth.requestMatchers("/webjars/swagger-ui/**")
                            .authenticated()
                            .requestMatchers(
                                "/login",
                                "/error",
                                "/error/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico")
                            .permitAll()
                            .requestMatchers("/admin/**")
                            .hasRole("ADMIN"))
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(loginFailed)
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
        // A new id at login (fixation), and the password the session was opened with noted at once
        // (FreshRolesFilter ends the session when it changes).
        .sessionManagement(
            session ->
                session.sessionAuthenticationStrategy(
                    new CompositeSessionAuthenticationStrategy(
                        List.of(
                            new ChangeSessionIdAuthenticationStrategy(),
                            sessions.notingAtLogin()))))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) -> {
                      SecurityEvents.denied(request, e);
                      new org.springframework.security.web.access.AccessDeniedHandlerImpl()
                          .handle(request, response, e);
                    }))
        // The public pages' forms (signing a campaign's letters, the links mailed to signers) act
        // for nobody logged in and keep no session: no token to forge, none to carry.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/public/**")))
        .addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class)
        .addFilterBefore(
            new LoginThrottleFilter(throttle, json, texts),
            UsernamePasswordAuthenticationFilter.class)
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            DIAGRAM_PAGES, new ContentSecurityPolicyHeaderWriter(diagramPolicy)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(
                                new OrRequestMatcher(DIAGRAM_PAGES, SWAGGER_UI)),
                            new ContentSecurityPolicyHeaderWriter(pagePolicy)))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                    .crossOriginOpenerPolicy(
                        coop ->
                            coop.policy(
                                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy
                                    .SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    if (sso) {
      ClientRegistrationRepository provider = SingleSignOn.registration(oidc);
      http.oauth2Login(
              login ->
                  login
                      .loginPage("/login")
                      .clientRegistrationRepository(provider)
                      .authorizedClientService(new InMemoryOAuth2AuthorizedClientService(provider))
                      .userInfoEndpoint(
                          info -> info.oidcUserService(SingleSignOn.users(signOn, oidc)))
                      .defaultSuccessUrl("/", false)
                      .failureHandler(SingleSignOn.refused()))
          .logout(logout -> logout.logoutSuccessHandler(SingleSignOn.logout(provider)));
    }
    return http.build();
  }
}
