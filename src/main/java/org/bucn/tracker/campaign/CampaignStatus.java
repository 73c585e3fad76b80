package org.bucn.tracker.campaign;

/** A campaign is prepared as DRAFT, runs as ACTIVE and ends CLOSED. */
public enum CampaignStatus {
  DRAFT,
  ACTIVE,
  CLOSED
}
