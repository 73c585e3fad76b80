/**
 * Team notes on an appeal: discussion that is not a recorded step ("the embassy says the president
 * is travelling until Monday"), in the timeline and the search, and {@code @username} tells that
 * person. Never on a public page.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"appeal", "notification", "shared", "user"})
package org.bucn.tracker.discussion;
