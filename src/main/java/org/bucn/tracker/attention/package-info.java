/**
 * The start page: what needs each person's attention now, by role. Reads the other modules'
 * services and published views; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"appeal", "campaign", "dashboard", "inbox", "notification", "shared", "task", "user"})
package org.bucn.tracker.attention;
