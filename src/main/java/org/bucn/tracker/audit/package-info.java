/** The timeline of every appeal: who did what, when. Written in the same transaction as the step. */
package org.bucn.tracker.audit;
