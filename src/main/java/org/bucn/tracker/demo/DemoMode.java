package org.bucn.tracker.demo;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.db.EmbeddedDatabaseCondition;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Whether demo data is wanted: TRACKER_DEMO when set, else on with the embedded database only. */
@Component
public class DemoMode {

  private final boolean enabled;

  DemoMode(TrackerProperties properties, Environment environment) {
    this.enabled =
        properties.demo() != null ? properties.demo() : EmbeddedDatabaseCondition.embedded(environment);
  }

  public boolean enabled() {
    return enabled;
  }
}
