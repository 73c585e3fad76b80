package org.bucn.tracker;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * After each test, waits (up to ten seconds) until the job executor holds no job: the process
 * coverage listener writes the class's coverage after its last test, and a job the executor was
 * still running then changed the list it was writing (a ConcurrentModificationException that failed
 * a test class now and then). Registered in META-INF/spring.factories for every test class.
 */
public class EngineAtRest implements TestExecutionListener {

  @Override
  public void afterTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    JdbcClient jdbc =
        testContext.getApplicationContext().getBeanProvider(JdbcClient.class).getIfAvailable();
    if (jdbc == null) {
      return;
    }
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(
              () ->
                  jdbc.sql(
                              "SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()")
                          .query(Long.class)
                          .single()
                      == 0);
    } catch (ConditionTimeoutException e) {
      // A job that keeps failing keeps its lock: the coverage is written anyway, as before.
    }
  }
}
