package org.bucn.tracker.user;

import java.util.Set;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Without demo mode there is no default password: the first admin is created from
 * TRACKER_ADMIN_PASSWORD, and the tracker refuses to start with nobody able to log in. Runs after
 * the demo data, which brings its own users.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final UserService users;
  private final TrackerProperties properties;

  FirstAdmin(UserService users, TrackerProperties properties) {
    this.users = users;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    String password = properties.adminPassword();
    if (StringUtils.hasText(password)) {
      Password.Check.problem(password)
          .ifPresent(
              problem -> {
                throw new IllegalStateException("TRACKER_ADMIN_PASSWORD " + problem);
              });
      if (users.createIfAbsent(
          new UserService.NewUser("admin", password, null, "Administrator", Set.of(Role.ADMIN)))) {
        log.info("Created the first admin user 'admin' from TRACKER_ADMIN_PASSWORD");
      }
    }
    if (users.isEmpty()) {
      throw new IllegalStateException(
          "Nobody can log in: the user table is empty. Set TRACKER_ADMIN_PASSWORD (at least 8 characters)"
              + " to create the first admin, or TRACKER_DEMO=true for the demo users.");
    }
  }
}
