/**
 * The organisation that sends the appeals: its name, address and logo for the letterhead, and who
 * signs letters in each language. Admins keep it; letters read it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "target"})
package org.bucn.tracker.organisation;
