/** The filter chains, fresh roles on every request, and running engine calls as a person. */
@NamedInterface("security")
package org.bucn.tracker.infrastructure.security;

import org.springframework.modulith.NamedInterface;
