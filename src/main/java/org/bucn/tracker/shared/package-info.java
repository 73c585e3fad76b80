/** The shared kernel: the few exceptions every module may throw, depending on no module. */
package org.bucn.tracker.shared;
