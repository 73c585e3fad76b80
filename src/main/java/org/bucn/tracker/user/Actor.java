package org.bucn.tracker.user;

import java.util.Set;

/** Who is acting: a logged-in user with the roles stored now, or the system itself (timers). */
public record Actor(String username, Set<Role> roles) {

  /** The tracker acting on its own, e.g. when a timer makes a follow-up due. */
  public static final Actor SYSTEM = new Actor("system", Set.of());

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public static Actor of(UserAccount user) {
    return new Actor(user.username(), user.roles());
  }
}
