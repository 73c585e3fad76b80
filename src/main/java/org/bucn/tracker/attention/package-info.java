/**
 * The start page: what needs each person's attention now, by role. Reads the other modules'
 * services and published views; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "appeal :: worklist",
      "campaign",
      "cosigning",
      "dashboard",
      "inbox",
      "notification",
      "shared",
      "user"
    })
package org.bucn.tracker.attention;
