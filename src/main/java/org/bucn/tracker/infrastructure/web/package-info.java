/** Problem documents, error pages, request limits, PDF rendering and the home and login pages. */
@NamedInterface("web")
package org.bucn.tracker.infrastructure.web;

import org.springframework.modulith.NamedInterface;
