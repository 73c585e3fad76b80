/** The admins' operations console: stuck engine jobs, the mail backlog, and retrying both. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "infrastructure :: security",
      "notification",
      "shared",
      "user"
    })
package org.bucn.tracker.operations;
