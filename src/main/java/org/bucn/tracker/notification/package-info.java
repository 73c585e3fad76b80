/**
 * Mail: an outbox written in the step's own transaction and a sender that delivers it after commit,
 * exactly once across nodes; task notifications and the daily digests.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "campaign",
      "cosigning",
      "infrastructure :: db",
      "infrastructure :: web",
      "shared",
      "user"
    })
package org.bucn.tracker.notification;
