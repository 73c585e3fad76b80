/** Dashboards and reports for managers: counts, response rate, time to response, overdue work, per country. */
package org.bucn.tracker.dashboard;
