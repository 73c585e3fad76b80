package org.bucn.tracker.notification;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.TaskNews;
import org.bucn.tracker.user.People;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells people about new work the appeal step's listener reports ({@link TaskNews}), inside the
 * engine's transaction (so a rolled-back step sends nothing): the assignee when someone else, or
 * the process, gives them a task; the group when a follow-up or escalation appears that nobody
 * carries.
 */
@Component
class TaskNotifications {

  record AppealInfo(String country, String office, String campaignTitle) {}

  private final UserService users;
  private final Notices notices;
  private final JdbcClient jdbc;
  private final TrackerProperties properties;
  private final People people;

  TaskNotifications(
      UserService users,
      Notices notices,
      JdbcClient jdbc,
      TrackerProperties properties,
      People people) {
    this.people = people;
    this.users = users;
    this.notices = notices;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @EventListener
  public void unclaimed(TaskNews.Unclaimed task) {
    String line = line(task, null);
    for (UserAccount member : users.findEnabledWithRole(task.key().group())) {
      notices.tell(member, line, link(task));
    }
  }

  @EventListener
  public void given(TaskNews.Given task) {
    users
        .find(task.assignee())
        .filter(UserAccount::enabled)
        .ifPresent(user -> notices.tell(user, line(task, task.givenBy()), link(task)));
  }

  /**
   * "Dana Coordinator gave you Review the appeal - President, Serbia (campaign)", or what the
   * process brought.
   */
  private String line(TaskNews task, String giver) {
    AppealInfo appeal =
        jdbc.sql(
                """
            SELECT country, office, campaign_title FROM appeal_overview WHERE id = ?
            """)
            .param(task.appealId())
            .query(AppealInfo.class)
            .single();
    String what =
        giver != null
            ? people.name(giver) + " gave you"
            : switch (task.key()) {
              case FOLLOW_UP -> "Follow-up due:";
              case ESCALATE_NO_RESPONSE -> "No response: decide:";
              default -> "Task for you:";
            };
    return what
        + " "
        + task.taskName()
        + " - "
        + appeal.office()
        + ", "
        + appeal.country()
        + " ("
        + appeal.campaignTitle()
        + ")";
  }

  private String link(TaskNews task) {
    return properties.link("/tasks/" + task.taskId());
  }
}
