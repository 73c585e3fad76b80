/**
 * Replies coming back: reads the campaign's reply mailbox over IMAP, files each reply on the appeal
 * whose letter it answers (by In-Reply-To and References) as evidence, tells the advocate, and
 * keeps the mails that match nothing for a coordinator to file. Nothing read is ever lost or
 * deleted from the mailbox.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "appeal",
      "evidence",
      "infrastructure :: security",
      "notification",
      "shared",
      "user"
    })
package org.bucn.tracker.inbox;
