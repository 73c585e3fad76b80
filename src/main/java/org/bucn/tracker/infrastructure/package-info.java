/**
 * Cross-cutting infrastructure: the embedded database, security and web plumbing. Other modules use
 * only the named interfaces of its sub-packages ({@code db}, {@code security}, {@code web}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "user"})
package org.bucn.tracker.infrastructure;
