/**
 * A person's step on an appeal, in one place: {@link org.bucn.tracker.appeal.step.Steps} completes
 * a task (locks, permission, input, files, engine), {@link
 * org.bucn.tracker.appeal.step.TaskAssignments} and {@link org.bucn.tracker.appeal.step.DueDates}
 * change who holds a task and when it is due, and {@link org.bucn.tracker.appeal.step.StepEvents}
 * is the one listener to the engine's tasks: what follows a step (the appeal's stage, the work
 * list, timeline lines, news for the notification module) happens there, in a documented order.
 */
@org.springframework.modulith.NamedInterface("step")
package org.bucn.tracker.appeal.step;
