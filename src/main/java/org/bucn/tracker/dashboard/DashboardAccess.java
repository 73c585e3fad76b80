package org.bucn.tracker.dashboard;

import static org.bucn.tracker.user.Role.ADMIN;
import static org.bucn.tracker.user.Role.COORDINATOR;
import static org.bucn.tracker.user.Role.MANAGER;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** Dashboards and reports are for the people who steer campaigns, not for advocates. */
@Component
class DashboardAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access
        .pagesAndApi(
            "/dashboard",
            "/dashboard/**",
            "/campaigns/*/dashboard",
            "/campaigns/*/report",
            "/campaigns/*/report.*")
        .allow(COORDINATOR, MANAGER, ADMIN);
  }
}
