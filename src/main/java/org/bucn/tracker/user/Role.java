package org.bucn.tracker.user;

/** What a person does in a campaign; see the permissions table in DESIGN.md. */
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
