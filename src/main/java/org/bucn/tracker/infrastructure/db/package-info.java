/** The embedded PostgreSQL, crash recovery and the engine's start-up and shutdown order. */
@NamedInterface("db")
package org.bucn.tracker.infrastructure.db;

import org.springframework.modulith.NamedInterface;
