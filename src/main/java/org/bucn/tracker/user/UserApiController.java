package org.bucn.tracker.user;

import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.http.HttpStatus;
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

  UserApiController(UserService users) {
    this.users = users;
  }

  record Me(String username, String displayName, String email, Set<Role> roles) {}

  @GetMapping("/api/me")
  Me me(Principal principal) {
    UserAccount user = users.find(principal.getName()).orElseThrow(() -> new NotFoundException("user", principal.getName()));
    return new Me(user.username(), user.displayName(), user.email(), user.roles());
  }

  /** Changes the caller's own password (current one required); their web sessions end. */
  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@Valid @RequestBody UserForms.PasswordChange request, Principal principal, HttpServletRequest http) {
    String credentials = users.changeOwnPassword(principal.getName(), request.currentPassword(), request.newPassword());
    HttpSession session = http.getSession(false);
    if (session != null) {
      session.setAttribute(UserService.SESSION_CREDENTIALS, credentials); // the session that asked goes on
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
  UserAccount update(@PathVariable String username, @Valid @RequestBody UserForms.UserChange request) {
    return users.update(username, request.toChange());
  }
}
