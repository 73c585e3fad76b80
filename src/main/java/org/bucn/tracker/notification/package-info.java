/**
 * Mail: an outbox written in the step's own transaction and a sender that delivers it after
 * commit, exactly once across nodes; task notifications and the daily digests.
 */
package org.bucn.tracker.notification;
