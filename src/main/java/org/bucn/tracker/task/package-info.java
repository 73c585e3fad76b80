/**
 * The task list and task actions: who may see, claim, assign and complete which task. Keeps its
 * own work_item table in step with the engine's tasks, so lists need one indexed query a page.
 */
package org.bucn.tracker.task;
