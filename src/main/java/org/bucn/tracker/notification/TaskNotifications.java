package org.bucn.tracker.notification;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells people about new work, inside the engine's transaction (so a rolled-back step sends
 * nothing): the assignee when someone else, or the process, gives them a task; the group when a
 * follow-up or escalation appears that nobody carries. Runs after the other task listeners, so
 * it sees the assignee a new task was handed to.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TaskNotifications {

  record AppealInfo(String country, String office, String campaignTitle) {}

  private final UserService users;
  private final Notices notices;
  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final TrackerProperties properties;
  private final People people;

  TaskNotifications(UserService users, Notices notices, JdbcClient jdbc, IdentityService identity, TrackerProperties properties,
      People people) {
    this.people = people;
    this.users = users;
    this.notices = notices;
    this.jdbc = jdbc;
    this.identity = identity;
    this.properties = properties;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void created(DelegateTask task) {
    TaskKey key = TaskKey.fromElementId(task.getTaskDefinitionKey()).orElse(null);
    if (key != TaskKey.FOLLOW_UP && key != TaskKey.ESCALATE_NO_RESPONSE || task.getAssignee() != null) {
      return;
    }
    String line = line(task, key, null);
    for (UserAccount member : users.findEnabledWithRole(key.group())) {
      notices.tell(member, line, link(task));
    }
  }

  @EventListener(condition = "#task.eventName == 'assignment'")
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void assigned(DelegateTask task) {
    TaskKey key = TaskKey.fromElementId(task.getTaskDefinitionKey()).orElse(null);
    String actor = actingUser();
    if (key == null || task.getAssignee() == null || task.getAssignee().equals(actor)) {
      return; // nobody to tell, or they took it themselves
    }
    users.find(task.getAssignee()).filter(UserAccount::enabled)
        .ifPresent(user -> notices.tell(user, line(task, key, actor), link(task)));
  }

  /** "Dana Coordinator gave you Review the appeal - President, Serbia (campaign)", or what the process brought. */
  private String line(DelegateTask task, TaskKey key, String giver) {
    AppealInfo appeal = jdbc.sql(
            """
            SELECT country, office, campaign_title FROM appeal_overview WHERE id = ?
            """)
        .param(task.getVariable(AppealProcess.APPEAL_ID))
        .query(AppealInfo.class)
        .single();
    String what = giver != null ? people.name(giver) + " gave you" : switch (key) {
      case FOLLOW_UP -> "Follow-up due:";
      case ESCALATE_NO_RESPONSE -> "No response: decide:";
      default -> "Task for you:";
    };
    return what + " " + task.getName() + " - " + appeal.office() + ", " + appeal.country() + " (" + appeal.campaignTitle() + ")";
  }

  private String link(DelegateTask task) {
    return properties.link("/tasks/" + task.getId());
  }

  private String actingUser() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

}
