package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the provider's roles claim says; no database needed. */
class SingleSignOnTests {

  @Test
  void aSignInWithoutTheRolesClaimLeavesRolesAloneAndAnEmptyClaimEmptiesThem() {
    assertThat(SingleSignOn.claimedRoles(null))
        .as("claim absent: the tracker's roles stay")
        .isNull();
    assertThat(SingleSignOn.claimedRoles(List.of())).isEmpty();
    assertThat(SingleSignOn.claimedRoles(" ")).isEmpty();
    assertThat(SingleSignOn.claimedRoles("coordinator, manager admin"))
        .containsExactly("coordinator", "manager", "admin");
    assertThat(SingleSignOn.claimedRoles(List.of("ROLE_ADMIN"))).containsExactly("ROLE_ADMIN");
  }

  /**
   * CVE-2025-53864: an ID token whose claims nest JSON arrays thousands deep overflowed the stack
   * of the thread reading it; the JOSE library in use refuses it as a parse error instead.
   */
  @Test
  void aDeeplyNestedClaimIsAParseErrorNotAStackOverflow() {
    String nested = "{\"sub\": \"x\", \"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> com.nimbusds.jwt.JWTClaimsSet.parse(nested))
        .isInstanceOf(java.text.ParseException.class);
  }
}
