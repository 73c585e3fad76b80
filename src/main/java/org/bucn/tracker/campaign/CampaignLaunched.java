package org.bucn.tracker.campaign;

import java.util.List;
import org.bucn.tracker.user.Actor;

/**
 * Published inside the launch transaction, before the campaign process starts; {@code overrides}
 * are the errors of the preview the coordinator launched despite, each with its reason.
 */
public record CampaignLaunched(
    long campaignId, List<Long> targetIds, Actor actor, List<LaunchOverride> overrides) {}
