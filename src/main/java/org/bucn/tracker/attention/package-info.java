/**
 * The start page: what needs each person's attention now, by role. Reads the other modules'
 * services and published views; nothing depends on it.
 */
package org.bucn.tracker.attention;
