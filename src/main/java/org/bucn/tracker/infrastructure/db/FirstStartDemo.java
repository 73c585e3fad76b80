package org.bucn.tracker.infrastructure.db;

import java.lang.management.ManagementFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo made on the run that made its database, recorded as it begins and once it is finished,
 * so that a first start killed halfway through it is started over whole ({@link
 * UnfinishedFirstStart}) instead of leaving the demo half-built for good. A database that held
 * anything before this run is never marked, so never started over.
 */
@Component
public class FirstStartDemo {

  private final JdbcClient jdbc;

  FirstStartDemo(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * In the transaction that begins the demo: marks it begun if every change set of the database ran
   * since this JVM started.
   */
  public void begin() {
    long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    boolean madeByThisRun =
        jdbc.sql(
                """
                SELECT min(dateexecuted) >= localtimestamp - make_interval(secs => :uptime)
                  FROM databasechangelog
                """)
            .param("uptime", uptimeMillis / 1000.0 + 1)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (madeByThisRun) {
      jdbc.sql("INSERT INTO first_start_demo (id) VALUES (1) ON CONFLICT (id) DO NOTHING").update();
    }
  }

  /** Once the demo is made. */
  public void finish() {
    jdbc.sql("UPDATE first_start_demo SET finished_at = now() WHERE finished_at IS NULL").update();
  }
}
