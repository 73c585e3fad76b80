/**
 * Where each leader stands, across campaigns: an office's record (every appeal ever sent to it,
 * each answer attributed to the person who held the office then, response rate, days to answer,
 * share of positive answers, stance over time) and a country's (its offices, the sanctions its
 * government adopted or aligned with). Reads the published views of appeal and target.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"alignment", "appeal", "evidence", "shared", "target"})
package org.bucn.tracker.scorecard;
