package org.bucn.tracker;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Process test coverage in the one shared test context: test classes that register the
 * coverage listener must cover every flow node and sequence flow of the processes they run.
 * The report goes to target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(1.0).build();
  }

  /**
   * The coverage listeners refuse process activity outside a coverage run; the demo data at
   * start-up and the API tests run processes too, so they record into nothing until a process
   * test class installs its own collector.
   */
  @Bean
  Object processActivityOutsideCoverageRuns(ProcessEngine engine) {
    ignoreActivityOutsideCoverageRuns(engine);
    return new Object();
  }

  public static void ignoreActivityOutsideCoverageRuns(ProcessEngine engine) {
    new ProcessEngineAdapter(engine, event -> {}).initializeListeners();
  }
}
