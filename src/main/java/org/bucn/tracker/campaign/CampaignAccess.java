package org.bucn.tracker.campaign;

import static org.bucn.tracker.infrastructure.security.Access.Methods.WRITES;
import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Everyone reads campaigns and the calendar's events; coordinators create, change, launch, close
 * and publish campaigns, record events and prepare rounds for them.
 */
@Component
class CampaignAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.pages("/campaigns/new").allow(COORDINATOR);
    access.pagesAndApi(WRITES, "/campaigns/**").allow(COORDINATOR);
    access.pagesAndApi(WRITES, "/events/**").allow(COORDINATOR);
  }
}
