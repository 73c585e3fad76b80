/**
 * The timeline of every appeal: who did what, when. Written in the same transaction as the step.
 * Its SQL reads the appeal's campaign from appeal's published view, while appeal calls it: a cycle
 * the Java graph does not show, declared here so that the gate sees it, to end when the timeline
 * becomes part of the appeal module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"appeal"})
package org.bucn.tracker.audit;
