/**
 * EU foreign-policy (CFSP) alignment: the Council decisions and High Representative declarations
 * candidate countries are invited to align with, and per country whether it did; rates per year and
 * overall; and a draft campaign to appeal a non-alignment.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"campaign", "infrastructure :: security", "shared", "target", "user"})
package org.bucn.tracker.alignment;
