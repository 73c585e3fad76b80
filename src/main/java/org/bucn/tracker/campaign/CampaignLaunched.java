package org.bucn.tracker.campaign;

import java.util.List;
import org.bucn.tracker.user.Actor;

/** Published inside the launch transaction, before the campaign process starts. */
public record CampaignLaunched(long campaignId, List<Long> targetIds, Actor actor) {}
