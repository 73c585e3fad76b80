package org.bucn.tracker.demo;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.db.EmbeddedDatabaseCondition;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Whether demo data is wanted: TRACKER_DEMO when set, else on with the embedded database only; never with an external one. */
@Component
public class DemoMode {

  private final boolean enabled;

  DemoMode(TrackerProperties properties, Environment environment) {
    boolean embedded = EmbeddedDatabaseCondition.embedded(environment);
    if (Boolean.TRUE.equals(properties.demo()) && !embedded) {
      throw new IllegalStateException(
          "TRACKER_DEMO=true is refused with an external database (SPRING_DATASOURCE_URL is set): demo mode creates users"
              + " whose password is 'demo', and a real database must never hold them. Unset TRACKER_DEMO, and set"
              + " TRACKER_ADMIN_PASSWORD to create the first admin.");
    }
    this.enabled = properties.demo() != null ? properties.demo() : embedded;
  }

  public boolean enabled() {
    return enabled;
  }
}
