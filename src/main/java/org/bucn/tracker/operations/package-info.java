/** The admins' operations console: stuck engine jobs, the mail backlog, and retrying both. */
package org.bucn.tracker.operations;
