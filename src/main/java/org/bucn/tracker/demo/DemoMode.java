package org.bucn.tracker.demo;

import org.bucn.tracker.infrastructure.db.EmbeddedDatabaseCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether demo data is wanted: TRACKER_DEMO when set, else on with the embedded database only;
 * never with an external one.
 */
@Component
public class DemoMode {

  private final boolean enabled;

  DemoMode(Environment environment) {
    if (enabled(environment) && !EmbeddedDatabaseCondition.embedded(environment)) {
      throw new IllegalStateException(
          "TRACKER_DEMO=true is refused with an external database (SPRING_DATASOURCE_URL is set): demo mode creates users"
              + " whose password is 'demo', and a real database must never hold them. Unset TRACKER_DEMO, and set"
              + " TRACKER_ADMIN_PASSWORD to create the first admin.");
    }
    this.enabled = enabled(environment);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * The rule itself, also read before the application context exists ({@link ListeningAddress}).
   */
  static boolean enabled(Environment environment) {
    return Binder.get(environment)
        .bind("tracker.demo", Boolean.class)
        .orElseGet(() -> EmbeddedDatabaseCondition.embedded(environment));
  }
}
