package org.bucn.tracker.appeal.worklist;

import java.util.List;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;

/**
 * Who may see, claim, release, complete and assign which task: the rules alone, on the task's
 * candidate group and holder and the person's roles, with no database (TaskPermissionsTests holds
 * them in a table). Coordinators work every task; advocates see, take and complete the tasks of
 * their group, and complete one only while they hold it; only coordinators decide a coordinator's
 * task (a review, an escalation), assign tasks and give another person's back.
 */
public final class TaskPermissions {

  private TaskPermissions() {}

  /** Coordinators and advocates work tasks; managers and admins only read about them. */
  public static boolean mayWork(Actor actor) {
    return actor.has(Role.COORDINATOR) || actor.has(Role.ADVOCATE);
  }

  /**
   * A task in the person's list or page: a coordinator's every task; an advocate's own, or one open
   * to advocates.
   */
  public static boolean maySee(Actor actor, String candidateGroup, String assignee) {
    return mayWork(actor)
        && (actor.has(Role.COORDINATOR)
            || actor.username().equals(assignee)
            || assignee == null && Role.ADVOCATE.name().equals(candidateGroup));
  }

  /** Taking a task, or releasing one's own: its group must be one the person works in. */
  public static boolean mayTake(Actor actor, String candidateGroup) {
    return mayWork(actor)
        && (actor.has(Role.COORDINATOR) || Role.ADVOCATE.name().equals(candidateGroup));
  }

  /** Giving a held task back to the group: its holder, or a coordinator. */
  public static boolean mayRelease(Actor actor, String candidateGroup, String assignee) {
    return mayTake(actor, candidateGroup)
        && (actor.has(Role.COORDINATOR) || actor.username().equals(assignee));
  }

  /**
   * Completing: a coordinator any task (on the holder's behalf too); an advocate an advocate's task
   * they hold.
   */
  public static boolean mayComplete(Actor actor, String candidateGroup, String assignee) {
    return actor.has(Role.COORDINATOR)
        || actor.has(Role.ADVOCATE)
            && Role.ADVOCATE.name().equals(candidateGroup)
            && actor.username().equals(assignee);
  }

  /** Assigning tasks, undoing an assignment, moving due dates: coordinators. */
  public static boolean mayAssign(Actor actor) {
    return actor.has(Role.COORDINATOR);
  }

  /** The groups whose open tasks the person may take. */
  public static List<String> claimableGroups(Actor actor) {
    return actor.has(Role.COORDINATOR)
        ? List.of(Role.ADVOCATE.name(), Role.COORDINATOR.name())
        : List.of(Role.ADVOCATE.name());
  }

  public static void requireWork(Actor actor) {
    if (!mayWork(actor)) {
      throw new Forbidden("refusal.forbidden.work");
    }
  }

  public static void requireSee(Actor actor, String candidateGroup, String assignee) {
    requireWork(actor);
    if (!maySee(actor, candidateGroup, assignee)) {
      throw new Forbidden("refusal.forbidden.notYours");
    }
  }

  public static void requireTake(Actor actor, String candidateGroup) {
    requireWork(actor);
    if (!mayTake(actor, candidateGroup)) {
      throw new Forbidden("refusal.forbidden.decide");
    }
  }

  public static void requireRelease(Actor actor, String candidateGroup, String assignee) {
    requireTake(actor, candidateGroup);
    if (!mayRelease(actor, candidateGroup, assignee)) {
      throw new Forbidden("refusal.forbidden.release");
    }
  }

  public static void requireComplete(Actor actor, String candidateGroup, String assignee) {
    requireTake(actor, candidateGroup);
    if (!mayComplete(actor, candidateGroup, assignee)) {
      throw assignee == null
          ? new Forbidden("refusal.forbidden.claimFirst")
          : new Forbidden("refusal.forbidden.assignedTo", assignee);
    }
  }

  public static void requireAssign(Actor actor, String what) {
    if (!mayAssign(actor)) {
      throw new Forbidden("refusal.forbidden." + what);
    }
  }
}
