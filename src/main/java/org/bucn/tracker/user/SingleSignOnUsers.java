package org.bucn.tracker.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person signing in through the identity provider is here: the user of the same
 * {@code preferred_username}, else the one user with the same e-mail address. Roles are the
 * tracker's own, or, when the provider is trusted with them, the ones its claim lists, written to
 * the user table at each sign-in so that every request reads them from there as for anyone.
 */
@Service
public class SingleSignOnUsers {

  /** Why a sign-in is refused; the login page explains each. */
  public enum Refusal {
    UNKNOWN,
    DISABLED,
    AMBIGUOUS
  }

  /** A refused sign-in. */
  public static class Refused extends RuntimeException {
    private final Refusal reason;

    Refused(Refusal reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Refusal reason() {
      return reason;
    }
  }

  /**
   * What the provider says about the person.
   *
   * @param roles the roles its claim lists, or null when the tracker's own roles count
   */
  public record Claims(String preferredUsername, String email, String name, Collection<String> roles) {}

  private static final Logger security = LoggerFactory.getLogger("security");
  private final UserRepository repository;
  private final UserService users;
  private final SecureRandom random = new SecureRandom();

  SingleSignOnUsers(UserRepository repository, UserService users) {
    this.repository = repository;
    this.users = users;
  }

  @Transactional
  public UserAccount signIn(Claims claims, boolean autoCreate) {
    Optional<UserAccount> match = Optional.ofNullable(claims.preferredUsername()).flatMap(users::find);
    if (match.isEmpty() && claims.email() != null && !claims.email().isBlank()) {
      List<UserAccount> byEmail = repository.findByEmail(claims.email());
      if (byEmail.size() > 1) {
        throw new Refused(Refusal.AMBIGUOUS, "Several users have the address " + claims.email());
      }
      match = byEmail.stream().findFirst();
    }
    Set<Role> claimed = claims.roles() == null ? null : roles(claims.roles());
    UserAccount user = match.orElseGet(() -> {
      if (!autoCreate) {
        security.warn("Single sign-on refused for unknown user {} <{}>", claims.preferredUsername(), claims.email());
        throw new Refused(Refusal.UNKNOWN, "No user here is " + describe(claims));
      }
      String username = newUsername(claims);
      security.info("Single sign-on created the user {} <{}>", username, claims.email());
      return users.create(new UserService.NewUser(username, unusablePassword(), claims.email(), claims.name(),
          claimed == null ? Set.of() : claimed));
    });
    if (!user.enabled()) {
      security.warn("Single sign-on refused for disabled user {}", user.username());
      throw new Refused(Refusal.DISABLED, user.username() + " is disabled");
    }
    if (claimed != null && !claimed.equals(user.roles())) {
      user = users.update(user.username(), new UserService.UserChange(null, null, null, claimed, null));
    }
    return user;
  }

  private static Set<Role> roles(Collection<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      String plain = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
      for (Role role : Role.values()) {
        if (role.name().equals(plain)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static String describe(Claims claims) {
    return (claims.preferredUsername() == null ? "" : claims.preferredUsername() + " ")
        + (claims.email() == null ? "" : "<" + claims.email() + ">");
  }

  private String newUsername(Claims claims) {
    String base = claims.preferredUsername() != null && !claims.preferredUsername().isBlank()
        ? claims.preferredUsername() : claims.email() != null ? claims.email().replaceFirst("@.*", "") : "user";
    base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    if (base.length() > 56) {
      base = base.substring(0, 56);
    }
    String username = base;
    for (int n = 2; users.find(username).isPresent(); n++) {
      username = base + "-" + n;
    }
    return username;
  }

  /** A password nobody knows: the user signs in through the provider, or an admin sets one. */
  private String unusablePassword() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
