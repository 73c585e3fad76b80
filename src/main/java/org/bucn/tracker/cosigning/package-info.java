/**
 * Co-signatories: a campaign's sign-on before launch, where organisations and people sign its
 * letters on a public page (double opt-in by mail, withdrawal until the letters go out), the
 * coordinators' moderation, and the list the letters carry. Signers' data is personal: e-mails stay
 * with the coordinators, and an admin exports or erases a signer's data on request.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "campaign",
      "infrastructure :: security",
      "infrastructure :: web",
      "shared",
      "target",
      "user"
    })
package org.bucn.tracker.cosigning;
