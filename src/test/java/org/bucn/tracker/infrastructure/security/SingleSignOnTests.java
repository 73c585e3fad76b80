package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the provider's roles claim says; no database needed. */
class SingleSignOnTests {

  @Test
  void aSignInWithoutTheRolesClaimLeavesRolesAloneAndAnEmptyClaimEmptiesThem() {
    assertThat(SingleSignOn.claimedRoles(null)).as("claim absent: the tracker's roles stay").isNull();
    assertThat(SingleSignOn.claimedRoles(List.of())).isEmpty();
    assertThat(SingleSignOn.claimedRoles(" ")).isEmpty();
    assertThat(SingleSignOn.claimedRoles("coordinator, manager admin")).containsExactly("coordinator", "manager", "admin");
    assertThat(SingleSignOn.claimedRoles(List.of("ROLE_ADMIN"))).containsExactly("ROLE_ADMIN");
  }
}
