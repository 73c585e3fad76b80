package org.bucn.tracker.user;

import java.util.Set;

/** A person who may log in; the password hash never leaves this module. */
public record UserAccount(
    String username,
    String email,
    String displayName,
    boolean enabled,
    Set<Role> roles,
    Notify notifications) {

  /** The name the person goes by: the display name, else the username. */
  public String name() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
