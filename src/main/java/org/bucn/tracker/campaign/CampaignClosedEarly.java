package org.bucn.tracker.campaign;

import org.bucn.tracker.user.Actor;

/** Published inside the closing transaction, before the open appeals' processes are ended. */
public record CampaignClosedEarly(long campaignId, Actor actor) {}
