package org.bucn.tracker.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * People by the names they go by, for pages ({@code ${@people.name(username)}}): a display name
 * where a person is shown, the username only where a username is meant (assign fields). The
 * tracker's own entries read as "the tracker". Names are re-read at most every 30 seconds.
 */
@Component("people")
public class People {

  private static final Set<String> TRACKER = Set.of("system", "mailbox", "demo", "migration");
  private static final Duration FRESH = Duration.ofSeconds(30);

  private record Names(Map<String, String> byUsername, Instant readAt) {}

  private final UserService users;
  private final AtomicReference<Names> names =
      new AtomicReference<>(new Names(Map.of(), Instant.EPOCH));

  private final java.time.Clock clock;

  People(UserService users, java.time.Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  public String name(String username) {
    if (username == null) {
      return "";
    }
    if (TRACKER.contains(username)) {
      return "the tracker";
    }
    Names current = names.get();
    if (!current.byUsername().containsKey(username)
        || current.readAt().plus(FRESH).isBefore(clock.instant())) {
      current =
          new Names(
              users.findAll().stream()
                  .collect(
                      Collectors.toUnmodifiableMap(
                          UserAccount::username, UserAccount::name, (a, b) -> a)),
              clock.instant());
      names.set(current);
    }
    return current.byUsername().getOrDefault(username, username);
  }

  /**
   * A timeline line as a sentence: "Ana Advocate took "Draft the appeal"" when the line says what
   * the person did, else the line as written and who wrote it.
   */
  public String sentence(String username, String detail) {
    String who = name(username);
    if (detail == null || detail.isEmpty()) {
      return who;
    }
    String capitalised =
        who.isEmpty() ? who : Character.toUpperCase(who.charAt(0)) + who.substring(1);
    return Character.isLowerCase(detail.charAt(0))
        ? capitalised + " " + detail
        : detail + " — " + who;
  }
}
