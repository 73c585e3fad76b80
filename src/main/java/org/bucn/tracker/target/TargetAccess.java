package org.bucn.tracker.target;

import static org.bucn.tracker.infrastructure.security.Access.Methods.WRITES;
import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** Everyone reads the directory; coordinators keep it. */
@Component
class TargetAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access
        .pages("/targets/new", "/targets/import", "/targets/*/edit", "/targets/*/forms")
        .allow(COORDINATOR);
    // Advocates meet and call offices too: they log the conversations on the office's record.
    access
        .pagesAndApi(
            org.bucn.tracker.infrastructure.security.Access.Methods.POST, "/targets/*/interactions")
        .allow(COORDINATOR, org.bucn.tracker.user.Role.ADVOCATE);
    access.pagesAndApi(WRITES, "/targets/**").allow(COORDINATOR);
  }
}
