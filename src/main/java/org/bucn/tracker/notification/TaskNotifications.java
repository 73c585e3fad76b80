package org.bucn.tracker.notification;

import org.bucn.tracker.appeal.TaskNews;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.shared.Texts;
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

  record AppealInfo(String countryCode, String country, String office, String campaignTitle) {

    /** The country as {@code reader} reads it. */
    String countryFor(UserAccount reader, Formats formats) {
      return formats.country(countryCode, country, Notices.languageOf(reader));
    }
  }

  private final UserService users;
  private final Notices notices;
  private final JdbcClient jdbc;
  private final People people;
  private final Texts texts;
  private final Formats formats;

  TaskNotifications(
      UserService users,
      Notices notices,
      JdbcClient jdbc,
      People people,
      Texts texts,
      Formats formats) {
    this.formats = formats;
    this.texts = texts;
    this.people = people;
    this.users = users;
    this.notices = notices;
    this.jdbc = jdbc;
  }

  @EventListener
  public void unclaimed(TaskNews.Unclaimed task) {
    AppealInfo appeal = appeal(task);
    for (UserAccount member : users.findEnabledWithRole(task.key().group())) {
      tell(member, task, null, appeal);
    }
  }

  @EventListener
  public void given(TaskNews.Given task) {
    holder(task.assignee(), user -> tell(user, task, task.givenBy(), appeal(task)));
  }

  /** Tells whoever holds a task, when they are still someone who works here. */
  private void holder(String username, java.util.function.Consumer<UserAccount> tell) {
    users.find(username).filter(UserAccount::enabled).ifPresent(tell);
  }

  /** The holder of a task hears when a coordinator moves its due date, and to which day. */
  @EventListener
  public void dueMoved(TaskNews.DueMoved task) {
    AppealInfo appeal = appeal(task);
    holder(
        task.assignee(),
        user ->
            notices.tell(
                user,
                link(task),
                "notice.dueMoved",
                people.name(task.movedBy()),
                texts.task(task.key().key(), Notices.languageOf(user)),
                appeal.office(),
                appeal.countryFor(user, formats),
                appeal.campaignTitle(),
                formats.date(task.due(), Notices.languageOf(user))));
  }

  /** The advocate whose draft came back hears who asked for which changes. */
  @EventListener
  public void changesRequested(TaskNews.ChangesRequested task) {
    AppealInfo appeal = appeal(task);
    String comment = task.comment() == null ? "" : task.comment().replaceAll("\\s+", " ").strip();
    holder(
        task.assignee(),
        user ->
            notices.tell(
                user,
                link(task),
                "notice.changesRequested",
                people.name(task.reviewer()),
                appeal.office(),
                appeal.countryFor(user, formats),
                appeal.campaignTitle(),
                comment.length() <= 300 ? comment : comment.substring(0, 299) + "…"));
  }

  /**
   * "Dana Coordinator gave you Review the appeal - President, Serbia (campaign)", or what the
   * process brought, in the person's own language.
   */
  private void tell(UserAccount user, TaskNews task, String giver, AppealInfo appeal) {
    String code =
        giver != null
            ? "notice.gave"
            : switch (task.key()) {
              case REVIEW_APPEAL -> "notice.reviewWaiting";
              case FOLLOW_UP -> "notice.followUpDue";
              case ESCALATE_NO_RESPONSE -> "notice.decide";
              default -> "notice.task";
            };
    notices.tell(
        user,
        link(task),
        code,
        giver == null ? "" : people.name(giver),
        texts.task(task.key().key(), Notices.languageOf(user)),
        appeal.office(),
        appeal.countryFor(user, formats),
        appeal.campaignTitle());
  }

  private AppealInfo appeal(TaskNews task) {
    return jdbc.sql(
            """
            SELECT country_code, country, office, campaign_title FROM appeal_overview WHERE id = ?
            """)
        .param(task.appealId())
        .query(AppealInfo.class)
        .single();
  }

  private static String link(TaskNews task) {
    return "/tasks/" + task.taskId();
  }
}
