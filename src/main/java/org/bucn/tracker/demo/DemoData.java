package org.bucn.tracker.demo;

import org.bucn.tracker.TrackerProperties;
import org.springframework.util.StringUtils;

import java.util.Set;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.bucn.tracker.user.UserService.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds demo users, the target directory and the demo campaign once; safe on every start and on several nodes. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  private final DemoMode demoMode;
  private final UserService users;
  private final TargetService targets;
  private final DemoCampaign campaign;

  private final TrackerProperties properties;

  DemoData(DemoMode demoMode, UserService users, TargetService targets, DemoCampaign campaign, TrackerProperties properties) {
    this.demoMode = demoMode;
    this.properties = properties;
    this.users = users;
    this.targets = targets;
    this.campaign = campaign;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demoMode.enabled()) {
      return;
    }
    int created = 0;
    created += user("coordinator", "Dana Coordinator", Role.COORDINATOR);
    created += user("advocate", "Ana Advocate", Role.ADVOCATE);
    created += user("advocate2", "Marko Advocate", Role.ADVOCATE);
    created += user("manager", "Mira Manager", Role.MANAGER);
    if (!StringUtils.hasText(properties.adminPassword())) {
      // Given TRACKER_ADMIN_PASSWORD, the admin is FirstAdmin's, with that password, never "demo".
      created += user("admin", "Administrator", Role.ADMIN);
    }
    int added = (int) DemoDirectory.TARGETS.stream().filter(target -> targets.createIfAbsent(target, "demo")).count();
    if (created + added > 0) {
      log.info("Demo mode: added {} demo users (password '{}') and {} targets", created, PASSWORD, added);
    }
    campaign.seedOnce();
  }

  private int user(String username, String displayName, Role role) {
    boolean created =
        users.createIfAbsent(new NewUser(username, PASSWORD, username + "@example.org", displayName, Set.of(role)));
    return created ? 1 : 0;
  }
}
