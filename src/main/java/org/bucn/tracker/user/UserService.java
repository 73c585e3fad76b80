package org.bucn.tracker.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles; also what Spring Security asks at every login and request. */
@Service
public class UserService implements UserDetailsService {

  private static final org.slf4j.Logger security = org.slf4j.LoggerFactory.getLogger("security");

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;

  UserService(UserRepository users, PasswordEncoder passwordEncoder) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserRepository.StoredUser stored =
        users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return toUserDetails(stored.account(), stored.passwordHash());
  }

  /** The user as stored now, for checks that must see a role removed a moment ago. */
  public Optional<UserAccount> find(String username) {
    return users.find(username).map(UserRepository.StoredUser::account);
  }

  /**
   * The session attribute holding the {@link Standing#credentials()} a session was opened with:
   * once the password changes, every other session of that user ends on its next request.
   */
  public static final String SESSION_CREDENTIALS = "tracker.credentials";

  /**
   * A user as the per-request session check sees them.
   *
   * @param credentials a fingerprint of the password hash: it changes with the password and says
   *     nothing about it
   */
  public record Standing(UserAccount account, String credentials) {}

  public Optional<Standing> standing(String username) {
    return users
        .find(username)
        .map(stored -> new Standing(stored.account(), fingerprint(stored.passwordHash())));
  }

  /**
   * A user changes their own password: the current one must be given.
   *
   * @return the new credentials fingerprint, for the session that made the change to keep
   */
  @Transactional
  public String changeOwnPassword(String username, String currentPassword, String newPassword) {
    UserRepository.StoredUser stored =
        users.find(username).orElseThrow(() -> new NotFoundException("user", username));
    if (!passwordEncoder.matches(currentPassword, stored.passwordHash())) {
      throw new InvalidFieldException("currentPassword", "refusal.user.wrongPassword");
    }
    String hash = passwordEncoder.encode(newPassword);
    users.updatePassword(username, hash);
    security.info("{} changed their own password", username);
    revokeTokens(username, "the password was changed");
    return fingerprint(hash);
  }

  /**
   * API tokens die with the password they were made under, and with a disabled account: a token
   * seen by anyone before stays dead when the password changes or the account is enabled again.
   */
  private void revokeTokens(String username, String why) {
    int revoked = users.revokeTokens(username);
    if (revoked > 0) {
      security.info("revoked {} API token(s) of {}: {}", revoked, username, why);
    }
  }

  private static String fingerprint(String passwordHash) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(passwordHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  public List<UserAccount> findAll() {
    return users.findAll();
  }

  /** Enabled users holding a role, e.g. the advocates a coordinator may assign a task to. */
  public List<UserAccount> findEnabledWithRole(Role role) {
    return users.findEnabledWithRole(role);
  }

  public boolean isEmpty() {
    return users.count() == 0;
  }

  @Transactional
  public UserAccount create(NewUser user) {
    UserAccount account =
        new UserAccount(
            user.username(),
            user.email(),
            user.displayName(),
            true,
            user.roles(),
            Notify.IMMEDIATE,
            null,
            null);
    if (!users.insertIfAbsent(account, passwordEncoder.encode(user.password()))) {
      throw new ConflictException("username", "refusal.user.exists", user.username());
    }
    security.info("user {} created by {} with roles {}", user.username(), actor(), user.roles());
    return account;
  }

  /** Creates the user unless it exists; used by demo data and the first admin. */
  @Transactional
  public boolean createIfAbsent(NewUser user) {
    UserAccount account =
        new UserAccount(
            user.username(),
            user.email(),
            user.displayName(),
            true,
            user.roles(),
            Notify.IMMEDIATE,
            null,
            null);
    return users.insertIfAbsent(account, passwordEncoder.encode(user.password()));
  }

  @Transactional
  public UserAccount update(String username, UserChange change) {
    UserAccount before = find(username).orElseThrow(() -> new NotFoundException("user", username));
    if (users.update(
            username,
            change.email(),
            change.displayName(),
            change.enabled(),
            change.notifications())
        == 0) {
      throw new NotFoundException("user", username);
    }
    if (change.roles() != null) {
      users.replaceRoles(username, change.roles());
    }
    if (change.password() != null) {
      users.updatePassword(username, passwordEncoder.encode(change.password()));
      revokeTokens(username, "an admin reset the password");
    }
    if (Boolean.FALSE.equals(change.enabled())) {
      revokeTokens(username, "the user was disabled");
    }
    boolean mayRemoveAnAdmin = change.roles() != null || Boolean.FALSE.equals(change.enabled());
    if (mayRemoveAnAdmin && users.findEnabledWithRole(Role.ADMIN).isEmpty()) {
      // Rolled back: somebody must stay able to manage users (a new address or name removes
      // nobody).
      throw new ConflictException("roles", "refusal.user.lastAdmin");
    }
    UserAccount after = find(username).orElseThrow();
    if (!after.roles().equals(before.roles())) {
      security.info(
          "roles of {} changed by {}: {} -> {}", username, actor(), before.roles(), after.roles());
    }
    if (after.enabled() != before.enabled()) {
      security.info(
          "user {} {} by {}", username, after.enabled() ? "enabled" : "disabled", actor());
    }
    if (change.password() != null) {
      security.info("password of {} reset by {}", username, actor());
    }
    if (!java.util.Objects.equals(after.email(), before.email())) {
      security.info("e-mail address of {} changed by {}", username, actor());
    }
    return after;
  }

  /**
   * Who is making a change, as the security log names them: the person logged in, else the tracker
   * itself.
   */
  static String actor() {
    var who =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return who == null || !who.isAuthenticated() ? "the tracker" : who.getName();
  }

  static UserDetails toUserDetails(UserAccount account, String passwordHash) {
    List<GrantedAuthority> authorities =
        account.roles().stream()
            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
            .toList();
    return User.withUsername(account.username())
        .password(passwordHash)
        .disabled(!account.enabled())
        .authorities(authorities)
        .build();
  }

  /** A user to create. */
  public record NewUser(
      String username, String password, String email, String displayName, Set<Role> roles) {}

  /**
   * A person's own interface language and time zone; a null or blank field goes back to its default
   * (the browser's language, Europe/Belgrade). 400 names the field that is neither.
   */
  @Transactional
  public UserAccount updateSettings(String username, String language, String timeZone) {
    String tag = blankToNull(language);
    if (tag != null) {
      tag =
          org.bucn.tracker.shared.InterfaceLanguage.ofTag(tag)
              .map(org.bucn.tracker.shared.InterfaceLanguage::tag)
              .orElseThrow(
                  () ->
                      new org.bucn.tracker.shared.InvalidFieldException(
                          "language",
                          "refusal.user.language",
                          String.join(
                              ", ",
                              java.util.Arrays.stream(
                                      org.bucn.tracker.shared.InterfaceLanguage.values())
                                  .map(org.bucn.tracker.shared.InterfaceLanguage::tag)
                                  .toList())));
    }
    String zone = blankToNull(timeZone);
    if (zone != null) {
      try {
        zone = java.time.ZoneId.of(zone).getId();
      } catch (java.time.DateTimeException e) {
        throw new org.bucn.tracker.shared.InvalidFieldException(
            "timeZone", "refusal.user.timeZone");
      }
    }
    if (users.updateSettings(username, tag, zone) == 0) {
      throw new NotFoundException("user", username);
    }
    return find(username).orElseThrow();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Changes to a user; null fields stay as they are. */
  public record UserChange(
      String email,
      String displayName,
      Boolean enabled,
      Set<Role> roles,
      String password,
      Notify notifications) {

    public UserChange(
        String email, String displayName, Boolean enabled, Set<Role> roles, String password) {
      this(email, displayName, enabled, roles, password, null);
    }
  }
}
