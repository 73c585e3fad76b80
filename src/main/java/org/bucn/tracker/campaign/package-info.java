/**
 * Campaigns: their demands, schedule and targets; launching and closing them; the campaign process.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "infrastructure :: db",
      "infrastructure :: security",
      "infrastructure :: web",
      "organisation",
      "shared",
      "target",
      "user"
    })
package org.bucn.tracker.campaign;
