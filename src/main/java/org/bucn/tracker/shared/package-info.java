/** The shared kernel, depending on no module: the exceptions every module may throw, and the page-controller marker. */
package org.bucn.tracker.shared;
