package org.bucn.tracker.appeal.worklist;

import java.util.List;

/** One page of the task list and how many tasks match in all. */
public record TaskPage(List<TaskItem> items, long total, int page, int size) {}
