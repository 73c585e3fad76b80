/**
 * The task list and task actions: who may see, claim, assign and complete which task. Keeps its
 * own work_item table in step with the engine's tasks, so lists need one indexed query a page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"appeal", "campaign", "evidence", "inbox", "infrastructure :: db", "infrastructure :: security", "shared", "target", "user"})
package org.bucn.tracker.task;
