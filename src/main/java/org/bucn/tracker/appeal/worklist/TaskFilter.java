package org.bucn.tracker.appeal.worklist;

import java.util.Arrays;
import java.util.Locale;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.shared.InvalidFieldException;

/** What the task list is asked for; {@code null} filters match everything. */
public record TaskFilter(
    Scope scope,
    Long campaignId,
    String countryCode,
    String taskKey,
    String assignee,
    boolean overdueOnly,
    Sort sort,
    int page,
    int size) {

  /** Whose tasks: assigned to me, open to my group, or every task (coordinators). */
  public enum Scope {
    MINE,
    CLAIMABLE,
    ALL
  }

  /** Soonest due first (the default), or oldest first. */
  public enum Sort {
    DUE,
    CREATED
  }

  /**
   * The one reading of the list's parameters, for the API and the page alike: blank means "any", a
   * country code in either case, an unknown scope, sort or task key is refused naming the field.
   */
  public static TaskFilter parse(
      String scope,
      Long campaignId,
      String countryCode,
      String taskKey,
      String assignee,
      boolean overdueOnly,
      String sort,
      int page,
      int size) {
    return new TaskFilter(
        parse(Scope.class, "scope", scope),
        campaignId,
        countryCode == null || countryCode.isBlank()
            ? null
            : countryCode.trim().toUpperCase(Locale.ROOT),
        taskKey == null || taskKey.isBlank() ? null : taskKey(taskKey.trim()).key(),
        assignee == null || assignee.isBlank() ? null : assignee.trim(),
        overdueOnly,
        parse(Sort.class, "sort", sort),
        page,
        size);
  }

  private static TaskKey taskKey(String key) {
    return TaskKey.fromKey(key)
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "taskKey",
                    "refusal.oneOf",
                    String.join(", ", Arrays.stream(TaskKey.values()).map(TaskKey::key).toList())));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          field,
          "refusal.oneOf",
          String.join(
              ", ",
              Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()));
    }
  }
}
