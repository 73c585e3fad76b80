/**
 * The work list: which tasks are open, whose they are, who may see, take and complete each ({@link
 * org.bucn.tracker.appeal.worklist.TaskPermissions}), and the lists people filter. Its work_item
 * table mirrors the engine's open user tasks so that a list page is one indexed query; {@code
 * appeal.step.StepEvents} keeps it in step.
 */
@org.springframework.modulith.NamedInterface("worklist")
package org.bucn.tracker.appeal.worklist;
