/**
 * Evidence: the files that prove what happened to an appeal (a response letter, a statement, a
 * sanction act, a delivery receipt, a reply mail), kept byte for byte with their SHA-256, who added
 * them, when and from where. Immutable; only an admin removes one, with a reason.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"infrastructure :: security", "shared", "user"})
package org.bucn.tracker.evidence;
