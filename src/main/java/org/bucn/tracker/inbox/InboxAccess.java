package org.bucn.tracker.inbox;

import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** The replies waiting to be filed are the coordinators'. */
@Component
class InboxAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.pagesAndApi("/inbox", "/inbox/**").allow(COORDINATOR);
  }
}
