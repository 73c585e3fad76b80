package org.bucn.tracker.evidence;

import static org.bucn.tracker.infrastructure.security.Access.Methods.DELETE;
import static org.bucn.tracker.infrastructure.security.Access.Methods.POST;
import static org.bucn.tracker.user.Role.ADMIN;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** Only an admin takes evidence off an appeal (with a reason; the record of it stays). */
@Component
class EvidenceAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.api(DELETE, "/evidence/*").allow(ADMIN);
    access.pages(POST, "/evidence/*/remove").allow(ADMIN);
  }
}
