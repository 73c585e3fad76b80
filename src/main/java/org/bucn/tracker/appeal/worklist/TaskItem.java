package org.bucn.tracker.appeal.worklist;

import java.time.OffsetDateTime;
import org.bucn.tracker.appeal.AppealStage;

/** One open task as the task list shows it. */
public record TaskItem(
    String id,
    String taskKey,
    String name,
    long appealId,
    long campaignId,
    String campaignTitle,
    String countryCode,
    String country,
    String office,
    AppealStage stage,
    String candidateGroup,
    String assignee,
    OffsetDateTime created,
    OffsetDateTime due) {}
