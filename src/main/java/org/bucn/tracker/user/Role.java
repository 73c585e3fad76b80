package org.bucn.tracker.user;

/**
 * What a person does in a campaign; who may do what: docs/api.md, held by
 * src/test/resources/security/access-matrix.tsv.
 */
public enum Role {
  COORDINATOR,
  ADVOCATE,
  MANAGER,
  ADMIN;

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
