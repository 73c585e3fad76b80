/** Demo mode: the demo users, the Balkan target directory and the demo campaign. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"alignment", "appeal", "campaign", "discussion", "infrastructure :: db", "notification", "organisation", "target", "task", "user"})
package org.bucn.tracker.demo;
