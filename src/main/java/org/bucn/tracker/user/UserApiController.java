package org.bucn.tracker.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

  record CreateUserRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "may use lower-case letters, digits, '.', '_' and '-'") String username,
      @NotBlank @Size(min = 8, max = 72) String password,
      @Email @Size(max = 254) String email,
      @Size(max = 120) String displayName,
      @NotEmpty Set<Role> roles) {}

  record UpdateUserRequest(
      @Email @Size(max = 254) String email,
      @Size(max = 120) String displayName,
      Boolean enabled,
      Set<Role> roles,
      @Size(min = 8, max = 72) String password,
      Notify notifications) {}

  @GetMapping("/api/admin/users")
  List<UserAccount> list() {
    return users.findAll();
  }

  @PostMapping("/api/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserAccount create(@Valid @RequestBody CreateUserRequest request) {
    return users.create(
        new UserService.NewUser(request.username(), request.password(), request.email(), request.displayName(), request.roles()));
  }

  @PutMapping("/api/admin/users/{username}")
  UserAccount update(@PathVariable String username, @Valid @RequestBody UpdateUserRequest request) {
    return users.update(
        username,
        new UserService.UserChange(request.email(), request.displayName(), request.enabled(), request.roles(), request.password(), request.notifications()));
  }
}
