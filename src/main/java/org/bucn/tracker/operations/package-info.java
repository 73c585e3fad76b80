/**
 * The admins' operations console: stuck engine jobs, the mail backlog, retrying both, and backups
 * of the embedded database.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "infrastructure :: db",
      "infrastructure :: security",
      "notification",
      "shared",
      "user"
    })
package org.bucn.tracker.operations;
