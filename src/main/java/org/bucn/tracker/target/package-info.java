/**
 * The directory of targets: leaders' offices per country, their holders, channels and languages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.bucn.tracker.target;
