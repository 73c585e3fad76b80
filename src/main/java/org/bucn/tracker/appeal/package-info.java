/**
 * Appeals: one per target of a campaign, carried by the appeal process from draft to outcome. Owns
 * every fact recorded about an appeal and its stage.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "campaign",
      "cosigning",
      "evidence",
      "infrastructure :: db",
      "infrastructure :: security",
      "infrastructure :: web",
      "notification",
      "organisation",
      "shared",
      "target",
      "user"
    })
package org.bucn.tracker.appeal;
