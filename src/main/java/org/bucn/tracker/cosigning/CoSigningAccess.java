package org.bucn.tracker.cosigning;

import static org.bucn.tracker.infrastructure.security.Access.Methods.READS;
import static org.bucn.tracker.infrastructure.security.Access.Methods.WRITES;
import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Anyone signs on a public page and follows the links mailed to them; a campaign's signatories,
 * e-mails and all, are the coordinators' (their writes fall under the campaign's); a signer's data
 * is exported and erased by admins ({@code /api/admin/**}).
 */
@Component
class CoSigningAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access
        .pages(
            WRITES,
            "/public/campaigns/*/sign",
            "/public/signatures/**",
            "/public/api/campaigns/*/signatures")
        .allowAnyone();
    access
        .pagesAndApi(
            READS,
            "/campaigns/*/signatories",
            "/campaigns/*/signatories/**",
            "/campaigns/*/signatories.csv")
        .allow(COORDINATOR);
  }
}
