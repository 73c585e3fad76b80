package org.bucn.tracker.publication;

import static org.bucn.tracker.infrastructure.security.Access.Methods.READS;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/** The public transparency page is for anyone: published campaigns only. */
@Component
class PublicationAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access.pages(READS, "/public", "/public/**").allowAnyone();
  }
}
