/** Who may log in, with which roles: users, BCrypt passwords and the admin user API. */
package org.bucn.tracker.user;
