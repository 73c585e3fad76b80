package org.bucn.tracker.opendata;

import static org.bucn.tracker.infrastructure.security.Access.Methods.READS;
import static org.bucn.tracker.user.Role.ADMIN;
import static org.bucn.tracker.user.Role.COORDINATOR;
import static org.bucn.tracker.user.Role.MANAGER;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** The exports are for the people who steer campaigns. */
@Component
class OpenDataAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.api(READS, "/export/**", "/campaigns/*/export/**").allow(COORDINATOR, MANAGER, ADMIN);
  }
}
