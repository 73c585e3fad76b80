/**
 * Dashboards and reports for managers: counts, response rate, time to response, overdue work, per
 * country.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "alignment",
      "appeal",
      "campaign",
      "infrastructure :: web",
      "shared",
      "target"
    })
package org.bucn.tracker.dashboard;
