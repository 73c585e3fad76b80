/**
 * The public transparency page: campaigns a coordinator published, readable by anyone at {@code
 * /public}, as HTML to print and as JSON. Shows only what the appeal module's {@code public_appeal}
 * view lets out: never who worked on an appeal, drafts, reviews, notes, evidence files or internal
 * summaries.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "campaign",
      "cosigning",
      "infrastructure :: security",
      "opendata",
      "shared"
    })
package org.bucn.tracker.publication;
