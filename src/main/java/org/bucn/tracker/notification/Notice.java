package org.bucn.tracker.notification;

import java.time.OffsetDateTime;

/**
 * One line the tracker told a person, as they read it in the tracker: what happened, in their
 * language when it happened, and the page that needs them.
 *
 * @param path the tracker page to open, e.g. "/tasks/123"
 * @param read whether they opened it (or marked every notice read) since
 */
public record Notice(long id, String line, String path, OffsetDateTime createdAt, boolean read) {}
