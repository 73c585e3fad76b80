/** Campaigns: their demands, schedule and targets; launching and closing them; the campaign process. */
package org.bucn.tracker.campaign;
