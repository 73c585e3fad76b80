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

  @Autowired SingleSignOnUsers signOn;
  @Autowired UserService users;

  @Test
  void matchedByUsernameThenByEmailAndRefusedWhenUnknownUnlessCreated() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000);
    users.create(new UserService.NewUser("mila" + suffix, "a long enough password", "Mila" + suffix + "@Example.org", "Mila",
        Set.of(Role.MANAGER)));
    assertThat(signOn.signIn(new SingleSignOnUsers.Claims("mila" + suffix, null, null, null), false).roles()).containsExactly(Role.MANAGER);
    assertThat(signOn.signIn(new SingleSignOnUsers.Claims("m.other", "mila" + suffix + "@example.org", null, null), false).username())
        .as("the address in any case").isEqualTo("mila" + suffix);

    assertThatThrownBy(() -> signOn.signIn(new SingleSignOnUsers.Claims("nobody" + suffix, "nobody" + suffix + "@example.org", null, null), false))
        .isInstanceOfSatisfying(SingleSignOnUsers.Refused.class, r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.UNKNOWN));
    UserAccount created = signOn.signIn(new SingleSignOnUsers.Claims("New.Person" + suffix, "new" + suffix + "@example.org", "New Person", null), true);
    assertThat(created.username()).isEqualTo("new.person" + suffix);
    assertThat(created.roles()).as("created without roles: an admin gives them").isEmpty();
    assertThat(users.find(created.username())).get().extracting(UserAccount::displayName).isEqualTo("New Person");
  }

  @Test
  void rolesFromTheProvidersClaimAreWrittenToTheUserTableAndDisabledUsersStayOut() {
    String name = "rolled" + System.nanoTime() % 1_000_000_000;
    users.create(new UserService.NewUser(name, "a long enough password", null, null, Set.of(Role.ADVOCATE)));
    UserAccount user = signOn.signIn(new SingleSignOnUsers.Claims(name, null, null, List.of("ROLE_coordinator", "Manager", "unknown")), false);
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.MANAGER);
    assertThat(users.find(name).orElseThrow().roles()).as("re-read on every request from here").containsExactlyInAnyOrder(Role.COORDINATOR, Role.MANAGER);

    users.update(name, new UserService.UserChange(null, null, false, null, null));
    assertThatThrownBy(() -> signOn.signIn(new SingleSignOnUsers.Claims(name, null, null, null), false))
        .isInstanceOfSatisfying(SingleSignOnUsers.Refused.class, r -> assertThat(r.reason()).isEqualTo(SingleSignOnUsers.Refusal.DISABLED));
  }
}
