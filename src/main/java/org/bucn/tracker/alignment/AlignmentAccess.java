package org.bucn.tracker.alignment;

import static org.bucn.tracker.infrastructure.security.Access.Methods.WRITES;
import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Everyone reads the EU acts and alignments; coordinators record them and appeal a non-alignment.
 */
@Component
class AlignmentAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.pagesAndApi(WRITES, "/cfsp/**", "/countries/**").allow(COORDINATOR);
  }
}
