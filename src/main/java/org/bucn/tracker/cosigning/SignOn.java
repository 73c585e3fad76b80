package org.bucn.tracker.cosigning;

import java.time.OffsetDateTime;

/**
 * A campaign's sign-on: open while the campaign is a draft, from {@code openedAt} until {@code
 * closesAt} (if set) or the launch ({@code closedAt}); the counts of signatures that count, and how
 * many wait for a coordinator. {@code url}: the public page where people sign.
 */
public record SignOn(
    long campaignId,
    boolean open,
    String openedBy,
    OffsetDateTime openedAt,
    OffsetDateTime closesAt,
    OffsetDateTime closedAt,
    int organisations,
    int individuals,
    int awaitingApproval,
    String url) {}
