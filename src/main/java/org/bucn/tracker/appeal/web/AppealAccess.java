package org.bucn.tracker.appeal.web;

import static org.bucn.tracker.infrastructure.security.Access.Methods.POST;
import static org.bucn.tracker.infrastructure.security.Access.Methods.READS;
import static org.bucn.tracker.user.Role.ADVOCATE;
import static org.bucn.tracker.user.Role.COORDINATOR;

import org.bucn.tracker.infrastructure.security.Access;
import org.bucn.tracker.infrastructure.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Tasks are for the people who work them; only coordinators give them out, set due dates and
 * approve a public answer. Refused before a body is read, pages and API alike; which task a person
 * may act on is {@code TaskPermissions}' to say.
 */
@Component
class AppealAccess implements AccessRules {

  @Override
  public void declare(Access access) {
    access
        .pagesAndApi(POST, "/tasks/assign", "/tasks/assign/undo", "/tasks/*/assign", "/tasks/*/due")
        .allow(COORDINATOR);
    access.pagesAndApi("/tasks", "/tasks/**").allow(COORDINATOR, ADVOCATE);
    // The month page of deadlines is the task list's, for the people who work tasks.
    access.pages(READS, "/calendar").allow(COORDINATOR, ADVOCATE);
    // A calendar subscribes without logging in: the feed's secret address is its key.
    access.pages(READS, "/calendar/*").allowAnyone();
    access.pagesAndApi(POST, "/appeals/*/public-answer/*").allow(COORDINATOR);
    access
        .pagesAndApi(
            POST,
            "/appeals/*/evidence",
            "/appeals/*/resend",
            "/appeals/*/send",
            "/appeals/*/corrections")
        .allow(COORDINATOR, ADVOCATE);
  }
}
