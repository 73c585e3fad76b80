/**
 * The task pages and the task API: they bind what people send and call the step's services; nothing
 * else uses them.
 */
package org.bucn.tracker.appeal.web;
