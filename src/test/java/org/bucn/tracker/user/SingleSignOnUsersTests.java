package org.bucn.tracker.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who a person signing in through the identity provider is here, and which roles they get. */
@TrackerTest
class SingleSignOnUsersTests {

  static final String ISSUER = "https://id.example.org/realms/network";

  @Autowired SingleSignOnUsers signOn;
  @Autowired UserService users;

  private static SingleSignOnUsers.Claims claims(
      String subject, String preferredUsername, String email, boolean verified) {
    return new SingleSignOnUsers.Claims(
        ISSUER, subject, preferredUsername, email, verified, null, null);
  }

  @Test
  void aChosenUsernameOrAnUnverifiedAddressNeverTakesOverAnAccount() {
    String suffix = suffix();
    // A coordinator, not an admin: another active admin would change what the last-admin rule of
    // other tests sees.
    users.create(
        new UserService.NewUser(
            "boss" + suffix,
            "a long enough password",
            "Boss" + suffix + "@example.org",
            "Boss",
            Set.of(Role.COORDINATOR)));
    assertThatThrownBy(
            () -> signOn.signIn(claims("attacker-" + suffix, "boss" + suffix, null, false), false))
        .as("the provider's preferred_username is the person's own choice")
        .isInstanceOfSatisfying(
            SingleSignOnUsers.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.UNKNOWN));
    assertThatThrownBy(
            () ->
                signOn.signIn(
                    claims("attacker-" + suffix, null, "BOSS" + suffix + "@example.org", false),
                    false))
        .as("an address the provider did not verify")
        .isInstanceOfSatisfying(
            SingleSignOnUsers.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.UNKNOWN));

    UserAccount created =
        signOn.signIn(
            claims("attacker-" + suffix, "boss" + suffix, "BOSS" + suffix + "@example.org", false),
            true);
    assertThat(created.username())
        .as("a new user, never the one of that name")
        .isNotEqualTo("boss" + suffix);
    assertThat(created.roles()).isEmpty();
    assertThat(created.email()).as("an unverified address is not kept").isNull();
    assertThat(users.find("boss" + suffix).orElseThrow().roles()).containsExactly(Role.COORDINATOR);
  }

  @Test
  void theFirstSignInBindsByVerifiedAddressAndTheSubjectStaysBound() {
    String suffix = suffix();
    users.create(
        new UserService.NewUser(
            "mila" + suffix,
            "a long enough password",
            "Mila" + suffix + "@Example.org",
            "Mila",
            Set.of(Role.MANAGER)));
    assertThat(
            signOn
                .signIn(
                    claims("sub-" + suffix, "m.other", "mila" + suffix + "@example.org", true),
                    false)
                .username())
        .as("the verified address, in any case")
        .isEqualTo("mila" + suffix);
    assertThat(
            signOn
                .signIn(
                    claims(
                        "sub-" + suffix,
                        "someone.else",
                        "changed" + suffix + "@example.org",
                        false),
                    false)
                .username())
        .as("bound by (issuer, sub), whatever the names say later")
        .isEqualTo("mila" + suffix);
    assertThatThrownBy(
            () ->
                signOn.signIn(
                    claims("second-" + suffix, null, "mila" + suffix + "@example.org", true),
                    false))
        .as("a second subject of the same provider does not join a bound account")
        .isInstanceOf(SingleSignOnUsers.Refused.class);
    assertThat(
            signOn
                .signIn(
                    new SingleSignOnUsers.Claims(
                        "https://other.example",
                        "sub-" + suffix,
                        null,
                        "mila" + suffix + "@example.org",
                        true,
                        null,
                        null),
                    false)
                .username())
        .as("another provider's subject is its own first sign-in")
        .isEqualTo("mila" + suffix);

    assertThatThrownBy(
            () ->
                signOn.signIn(
                    claims(
                        "nobody-" + suffix,
                        "nobody" + suffix,
                        "nobody" + suffix + "@example.org",
                        true),
                    false))
        .isInstanceOfSatisfying(
            SingleSignOnUsers.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.UNKNOWN));
    String longName = "Nova\u0000 " + "Osoba ".repeat(40);
    UserAccount created =
        signOn.signIn(
            new SingleSignOnUsers.Claims(
                ISSUER,
                "new-" + suffix,
                "New.Person" + suffix,
                "new" + suffix + "@example.org",
                true,
                longName,
                null),
            true);
    assertThat(created.username()).isEqualTo("new.person" + suffix);
    assertThat(created.roles()).as("created without roles: an admin gives them").isEmpty();
    assertThat(users.find(created.username()).orElseThrow().displayName())
        .as("a name as long and odd as the provider sends")
        .startsWith("Nova  Osoba")
        .hasSizeLessThanOrEqualTo(120)
        .doesNotContain("\u0000");
    assertThat(signOn.signIn(claims("new-" + suffix, null, null, false), true).username())
        .isEqualTo(created.username());
  }

  @Test
  void rolesFromTheProvidersClaimAreWrittenToTheUserTableAndDisabledUsersStayOut() {
    String name = "rolled" + suffix();
    users.create(
        new UserService.NewUser(
            name, "a long enough password", name + "@example.org", null, Set.of(Role.ADVOCATE)));
    UserAccount user =
        signOn.signIn(
            new SingleSignOnUsers.Claims(
                ISSUER,
                name,
                null,
                name + "@example.org",
                true,
                null,
                List.of("ROLE_coordinator", "Manager", "unknown")),
            false);
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.MANAGER);
    assertThat(users.find(name).orElseThrow().roles())
        .as("re-read on every request from here")
        .containsExactlyInAnyOrder(Role.COORDINATOR, Role.MANAGER);
    assertThat(signOn.signIn(claims(name, null, null, false), false).roles())
        .as("a sign-in without the claim strips nothing")
        .containsExactlyInAnyOrder(Role.COORDINATOR, Role.MANAGER);

    users.update(name, new UserService.UserChange(null, null, false, null, null));
    assertThatThrownBy(() -> signOn.signIn(claims(name, null, null, false), false))
        .isInstanceOfSatisfying(
            SingleSignOnUsers.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.DISABLED));
  }

  private static String suffix() {
    return Long.toString(System.nanoTime() % 1_000_000_000);
  }
}
