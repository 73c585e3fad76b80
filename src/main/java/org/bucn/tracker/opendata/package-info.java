/**
 * Open data in the FollowTheMoney model (OpenSanctions, Aleph): the offices as public bodies and
 * positions, their holders and occupancies, and each sanction a state adopted or aligned with,
 * naming what it sanctioned. Ids are derived from the data, so the same data gives the same ids.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"appeal", "campaign", "infrastructure :: security", "target", "user"})
package org.bucn.tracker.opendata;
