package org.bucn.tracker.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.bucn.tracker.shared.MailAddress;
import org.springframework.util.StringUtils;

/** What the user pages and the user API accept; the rules are those of the records, for both. */
final class UserForms {

  private UserForms() {}

  /** A new account, as an admin describes it. */
  record NewUser(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "{validation.username}")
          String username,
      @NotBlank @Password String password,
      @MailAddress String email,
      @Size(max = 120) String displayName,
      @NotEmpty(message = "{validation.roles}") Set<Role> roles) {

    NewUser {
      username = clean(username);
      email = clean(email);
      displayName = clean(displayName);
    }

    UserService.NewUser toNewUser() {
      return new UserService.NewUser(username, password, email, displayName, roles);
    }
  }

  /**
   * An admin's change of an account; absent fields stay as they are (the API), or are set as the
   * form sends them.
   */
  record UserChange(
      @MailAddress String email,
      @Size(max = 120) String displayName,
      Boolean enabled,
      Set<Role> roles,
      @Password String password,
      Notify notifications) {

    UserChange {
      email = clean(email);
      displayName = clean(displayName);
    }

    UserService.UserChange toChange() {
      return new UserService.UserChange(
          email, displayName, enabled, roles, password, notifications);
    }
  }

  /**
   * A user's own new password: the current one proves it is them, not someone at their unlocked
   * screen.
   */
  record PasswordChange(@NotBlank String currentPassword, @NotBlank @Password String newPassword) {}

  /** A new password set by an admin. */
  record PasswordReset(@NotBlank @Password String password) {}

  /** Everyone's own settings: where notifications go and how often. */
  record Profile(@MailAddress String email, @NotNull Notify notifications) {

    Profile {
      email = clean(email);
    }
  }

  private static String clean(String value) {
    return StringUtils.hasText(value) ? value.trim() : null;
  }
}
