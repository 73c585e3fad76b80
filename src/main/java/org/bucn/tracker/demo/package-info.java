/** Demo mode: the demo users, the Balkan target directory and the demo campaign. */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "alignment",
      "appeal",
      "appeal :: step",
      "appeal :: worklist",
      "campaign",
      "cosigning",
      "discussion",
      "infrastructure :: db",
      "organisation",
      "shared",
      "target",
      "user"
    })
package org.bucn.tracker.demo;
