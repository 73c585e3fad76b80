/**
 * The directory of targets: leaders' offices per country, their holders, channels and languages.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"infrastructure :: security", "shared", "user"})
package org.bucn.tracker.target;
