/**
 * The shared kernel, depending on no module: the exceptions every module may throw, and the
 * page-controller marker.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.bucn.tracker.shared;
