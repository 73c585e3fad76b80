/**
 * Dashboards and reports for managers: counts, response rate, time to response, overdue work, per
 * country.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "alignment",
      "appeal",
      "campaign",
      "infrastructure :: security",
      "infrastructure :: web",
      "shared",
      "target",
      "user"
    })
package org.bucn.tracker.dashboard;
