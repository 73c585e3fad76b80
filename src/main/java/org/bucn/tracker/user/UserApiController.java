package org.bucn.tracker.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApiController {

  private final UserService users;
  private final ApiTokens tokens;

  UserApiController(UserService users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  record TokenRequest(String name, OffsetDateTime expiresAt) {}

  /**
   * A new personal API token, shown this once. Only a person (with their password or session) makes
   * tokens: a token cannot make another, so a leaked one cannot outlive its expiry.
   */
  @PostMapping("/api/me/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  ApiTokens.NewToken createToken(@RequestBody TokenRequest request, Principal principal) {
    if (principal
        instanceof
        org.springframework.security.oauth2.server.resource.authentication
            .BearerTokenAuthentication) {
      throw new Forbidden("refusal.forbidden.tokenMakesToken");
    }
    return tokens.create(principal.getName(), request.name(), request.expiresAt());
  }

  @GetMapping("/api/me/tokens")
  List<ApiTokens.TokenInfo> myTokens(Principal principal) {
    return tokens.of(principal.getName());
  }

  @DeleteMapping("/api/me/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeToken(@PathVariable long id, Principal principal) {
    tokens.revoke(principal.getName(), id);
  }

  @GetMapping("/api/admin/tokens")
  List<ApiTokens.TokenInfo> everyToken() {
    return tokens.all();
  }

  @DeleteMapping("/api/admin/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeAnyToken(@PathVariable long id) {
    tokens.revokeAny(id);
  }

  /**
   * Who the caller is; {@code language} and {@code timeZone} as they chose them (null: their
   * browser's language, and Europe/Belgrade).
   */
  record Me(
      String username,
      String displayName,
      String email,
      Set<Role> roles,
      String language,
      String timeZone) {

    static Me of(UserAccount user) {
      return new Me(
          user.username(),
          user.displayName(),
          user.email(),
          user.roles(),
          user.language(),
          user.timeZone());
    }
  }

  @GetMapping("/api/me")
  Me me(Principal principal) {
    return Me.of(
        users
            .find(principal.getName())
            .orElseThrow(() -> new NotFoundException("user", principal.getName())));
  }

  /**
   * The caller's interface language ({@code uk}, {@code sr-Latn} …) and time zone; null or blank:
   * the default.
   */
  record Settings(String language, String timeZone) {}

  @PutMapping("/api/me")
  Me settings(@RequestBody Settings settings, Principal principal) {
    return Me.of(
        users.updateSettings(principal.getName(), settings.language(), settings.timeZone()));
  }

  /** Changes the caller's own password (current one required); their web sessions end. */
  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(
      @Valid @RequestBody UserForms.PasswordChange request,
      Principal principal,
      HttpServletRequest http) {
    String credentials =
        users.changeOwnPassword(
            principal.getName(), request.currentPassword(), request.newPassword());
    HttpSession session = http.getSession(false);
    if (session != null) {
      session.setAttribute(
          UserService.SESSION_CREDENTIALS, credentials); // the session that asked goes on
    }
  }

  @GetMapping("/api/admin/users")
  List<UserAccount> list() {
    return users.findAll();
  }

  @PostMapping("/api/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserAccount create(@Valid @RequestBody UserForms.NewUser request) {
    return users.create(request.toNewUser());
  }

  @PutMapping("/api/admin/users/{username}")
  UserAccount update(
      @PathVariable String username, @Valid @RequestBody UserForms.UserChange request) {
    return users.update(username, request.toChange());
  }
}
