package org.bucn.tracker.campaign;

/** What a campaign asks the leaders for. */
public enum Demand {
  CONDEMNATION,
  NON_RECOGNITION,
  SANCTIONS,
  CRIMINAL_ACCOUNTABILITY
}
