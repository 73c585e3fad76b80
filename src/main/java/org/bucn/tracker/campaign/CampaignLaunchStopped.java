package org.bucn.tracker.campaign;

import java.util.List;

/**
 * Published when a campaign due to launch by itself did not, because letters of its preview have
 * errors; the coordinators are told ({@code errors} one per office and error).
 */
public record CampaignLaunchStopped(long campaignId, String title, List<LetterError> errors) {}
