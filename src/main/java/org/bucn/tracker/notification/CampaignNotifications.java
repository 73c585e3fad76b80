package org.bucn.tracker.notification;

import org.bucn.tracker.campaign.CampaignLaunchStopped;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserAccount;
import org.bucn.tracker.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the coordinators when a campaign due to launch by itself did not, in the transaction that
 * decided so: each gets a notice (and a mail) naming the campaign and how many letters need fixing,
 * linking its page.
 */
@Component
class CampaignNotifications {

  private final UserService users;
  private final Notices notices;

  CampaignNotifications(UserService users, Notices notices) {
    this.users = users;
    this.notices = notices;
  }

  @EventListener
  public void launchStopped(CampaignLaunchStopped stopped) {
    for (UserAccount coordinator : users.findEnabledWithRole(Role.COORDINATOR)) {
      notices.tell(
          coordinator,
          "/campaigns/" + stopped.campaignId(),
          "notice.launchStopped",
          stopped.title(),
          stopped.errors().size());
    }
  }
}
