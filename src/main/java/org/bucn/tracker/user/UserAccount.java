package org.bucn.tracker.user;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import org.bucn.tracker.shared.InterfaceLanguage;

/**
 * A person who may log in; the password hash never leaves this module.
 *
 * @param language the interface language they chose ({@code uk}, {@code sr-Latn} …), null: their
 *     browser's
 * @param timeZone the zone they read times in ({@code Europe/Kyiv}), null: Europe/Belgrade
 */
public record UserAccount(
    String username,
    String email,
    String displayName,
    boolean enabled,
    Set<Role> roles,
    Notify notifications,
    String language,
    String timeZone) {

  /**
   * The request attribute under which the person making the request is kept, as read fresh for it.
   */
  public static final String OF_THIS_REQUEST = UserAccount.class.getName() + ".ofThisRequest";

  /** The name the person goes by: the display name, else the username. */
  public String name() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  /** The zone they read times in: their own, else the network's (Europe/Belgrade). */
  public ZoneId zone() {
    try {
      return timeZone == null ? InterfaceLanguage.DEFAULT_ZONE : ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      return InterfaceLanguage.DEFAULT_ZONE;
    }
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
