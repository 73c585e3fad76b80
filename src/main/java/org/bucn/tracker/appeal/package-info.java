/**
 * Appeals: one per target of a campaign, carried by the appeal process from draft to outcome.
 * Owns every fact recorded about an appeal and its stage.
 */
package org.bucn.tracker.appeal;
