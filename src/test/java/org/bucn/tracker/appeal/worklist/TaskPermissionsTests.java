package org.bucn.tracker.appeal.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may see, take, release, complete and assign which task, as a table (no database, no Spring):
 * the person, the task's group, who holds it ("-": nobody), then yes/no for each. Ana and Bojan are
 * advocates, Dana a coordinator, Mila a manager.
 */
class TaskPermissionsTests {

  @ParameterizedTest(
      name =
          "{0} on a {1} task held by {2}: see {3}, take {4}, release {5}, complete {6}, assign {7}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # person | group       | held by | see | take | release | complete | assign
      ana      | ADVOCATE    | -       | yes | yes  | no      | no       | no
      ana      | ADVOCATE    | ana     | yes | yes  | yes     | yes      | no
      ana      | ADVOCATE    | bojan   | no  | yes  | no      | no       | no
      ana      | COORDINATOR | -       | no  | no   | no      | no       | no
      ana      | COORDINATOR | dana    | no  | no   | no      | no       | no
      ana      | COORDINATOR | ana     | yes | no   | no      | no       | no
      dana     | ADVOCATE    | -       | yes | yes  | yes     | yes      | yes
      dana     | ADVOCATE    | ana     | yes | yes  | yes     | yes      | yes
      dana     | COORDINATOR | -       | yes | yes  | yes     | yes      | yes
      dana     | COORDINATOR | ana     | yes | yes  | yes     | yes      | yes
      mila     | ADVOCATE    | -       | no  | no   | no      | no       | no
      mila     | ADVOCATE    | mila    | no  | no   | no      | no       | no
      """)
  void theRulesOfTheTaskList(
      String person,
      String group,
      String heldBy,
      String see,
      String take,
      String release,
      String complete,
      String assign) {
    Actor actor = actor(person);
    String assignee = heldBy.equals("-") ? null : heldBy;
    assertThat(TaskPermissions.maySee(actor, group, assignee))
        .as("see")
        .isEqualTo(see.equals("yes"));
    assertThat(TaskPermissions.mayTake(actor, group)).as("take").isEqualTo(take.equals("yes"));
    assertThat(TaskPermissions.mayRelease(actor, group, assignee))
        .as("release")
        .isEqualTo(release.equals("yes"));
    assertThat(TaskPermissions.mayComplete(actor, group, assignee))
        .as("complete")
        .isEqualTo(complete.equals("yes"));
    assertThat(TaskPermissions.mayAssign(actor)).as("assign").isEqualTo(assign.equals("yes"));
  }

  private static Actor actor(String name) {
    return switch (name) {
      case "ana", "bojan" -> new Actor(name, Set.of(Role.ADVOCATE));
      case "dana" -> new Actor(name, Set.of(Role.COORDINATOR));
      default -> new Actor(name, Set.of(Role.MANAGER));
    };
  }
}
