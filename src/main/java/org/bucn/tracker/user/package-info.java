/** Who may log in, with which roles: users, BCrypt passwords and the admin user API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.bucn.tracker.user;
