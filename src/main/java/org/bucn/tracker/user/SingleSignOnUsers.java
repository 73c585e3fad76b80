package org.bucn.tracker.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person signing in through the identity provider is here. A person is the provider's {@code
 * (issuer, sub)}: bound to one tracker user at their first sign-in and found by that binding ever
 * after. The first sign-in binds only by an e-mail address the provider says it verified (the one
 * user with that address, any case), or creates a user when that is allowed; a {@code
 * preferred_username} or an unverified address, which the person can often choose at the provider,
 * never picks an account. Roles are the tracker's own, or, when the provider is trusted with them,
 * the ones its claim lists, written to the user table at each sign-in that carries the claim (a
 * sign-in without it leaves them as they are).
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
   * @param issuer the provider's issuer URL, with {@code subject} the person's identity there
   * @param emailVerified the provider's {@code email_verified}: only a verified address links an
   *     account
   * @param roles the roles its claim lists, or null when the tracker's own roles count (or the
   *     claim is absent)
   */
  public record Claims(
      String issuer,
      String subject,
      String preferredUsername,
      String email,
      boolean emailVerified,
      String name,
      Collection<String> roles) {}

  private static final Logger security = LoggerFactory.getLogger("security");
  private final UserRepository repository;
  private final UserService users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SingleSignOnUsers(UserRepository repository, UserService users, Clock clock) {
    this.repository = repository;
    this.users = users;
    this.clock = clock;
  }

  @Transactional
  public UserAccount signIn(Claims claims, boolean autoCreate) {
    if (claims.issuer() == null
        || claims.issuer().isBlank()
        || claims.subject() == null
        || claims.subject().isBlank()) {
      throw new Refused(Refusal.UNKNOWN, "The provider named no subject");
    }
    String issuer = cut(claims.issuer(), 500);
    String subject = cut(claims.subject(), 255);
    String email = claims.emailVerified() ? plain(claims.email(), 254) : null;
    Set<Role> claimed = claims.roles() == null ? null : roles(claims.roles());
    UserAccount user =
        bound(issuer, subject)
            .orElseGet(() -> link(claims, issuer, subject, email, claimed, autoCreate));
    if (!user.enabled()) {
      security.warn("Single sign-on refused for disabled user {}", user.username());
      throw new Refused(Refusal.DISABLED, user.username() + " is disabled");
    }
    if (claimed != null && !claimed.equals(user.roles())) {
      security.info(
          "Single sign-on set the roles of {} to {} from the provider's claim",
          user.username(),
          claimed);
      user =
          users.update(
              user.username(), new UserService.UserChange(null, null, null, claimed, null));
    }
    return user;
  }

  /** The user this provider's subject was bound to, if any. */
  private Optional<UserAccount> bound(String issuer, String subject) {
    return repository.boundUsername(issuer, subject).flatMap(users::find);
  }

  /**
   * The first sign-in of this subject: binds it to the one user with its verified address, or to a
   * new user.
   */
  private UserAccount link(
      Claims claims,
      String issuer,
      String subject,
      String verifiedEmail,
      Set<Role> claimed,
      boolean autoCreate) {
    Optional<UserAccount> match = Optional.empty();
    if (verifiedEmail != null) {
      List<UserAccount> byEmail = repository.findByEmail(verifiedEmail);
      if (byEmail.size() > 1) {
        throw new Refused(Refusal.AMBIGUOUS, "Several users have the address " + verifiedEmail);
      }
      match = byEmail.stream().findFirst();
      if (match.isPresent() && repository.isBound(match.get().username(), issuer)) {
        security.warn(
            "Single sign-on refused: {} <{}> is bound to another subject of {}",
            match.get().username(),
            verifiedEmail,
            issuer);
        throw new Refused(
            Refusal.UNKNOWN,
            match.get().username() + " signs in as another person of this provider");
      }
    } else if (claims.email() != null && !claims.email().isBlank()) {
      security.warn(
          "Single sign-on: the address of subject {} is not verified by the provider, so it links no account",
          clean(subject));
    }
    UserAccount user =
        match.orElseGet(
            () -> {
              if (!autoCreate) {
                security.warn(
                    "Single sign-on refused for unknown subject {} ({})",
                    clean(subject),
                    clean(describe(claims)));
                throw new Refused(Refusal.UNKNOWN, "No user here is " + describe(claims));
              }
              String username = newUsername(claims);
              security.info("Single sign-on created the user {} <{}>", username, verifiedEmail);
              return users.create(
                  new UserService.NewUser(
                      username,
                      unusablePassword(),
                      verifiedEmail,
                      plain(claims.name(), 120),
                      claimed == null ? Set.of() : claimed));
            });
    if (!repository.bind(
        issuer,
        subject,
        user.username(),
        clock.instant(),
        match.isPresent() ? "VERIFIED_EMAIL" : "CREATED")) {
      // The same person's other sign-in bound them a moment ago: that binding counts.
      return bound(issuer, subject)
          .orElseThrow(() -> new Refused(Refusal.UNKNOWN, "No user here is " + describe(claims)));
    }
    security.info(
        "Single sign-on bound subject {} of {} to {}",
        clean(subject),
        clean(issuer),
        user.username());
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

  /**
   * Names and addresses from the provider: no control characters, at most what the column holds.
   */
  private static String plain(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return cut(value.replaceAll("\\p{Cntrl}", " ").strip(), max);
  }

  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
  }

  private static String clean(String value) {
    return value == null ? null : value.replaceAll("\\p{Cntrl}", "_");
  }

  private static String describe(Claims claims) {
    return (claims.preferredUsername() == null ? "" : claims.preferredUsername() + " ")
        + (claims.email() == null ? "" : "<" + claims.email() + ">");
  }

  private String newUsername(Claims claims) {
    String base =
        claims.preferredUsername() != null && !claims.preferredUsername().isBlank()
            ? claims.preferredUsername()
            : claims.email() != null ? claims.email().replaceFirst("@.*", "") : "user";
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
