package org.bucn.tracker;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Process test coverage in the one shared test context: test classes that register the coverage
 * listener must cover every flow node and sequence flow of the processes they run (the gate itself:
 * {@code AppealProcessTests}, from the engine's history and {@link #takenFlows()}). The report goes
 * to target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

  @Bean
  @org.springframework.context.annotation.Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    // The library's listener joins every test class (spring.factories): only the process tests
    // are measured, so no other class reads a run while the job executor still adds to it (a
    // ConcurrentModificationException after an evidence test). Primary: the imported
    // configuration adds its own defaults too (its condition is checked before this bean exists),
    // and with two the listener silently measured every class, asserted nothing, and failed the
    // jobs that ran between one class's start and its first test ("No active run available").
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(1.0)
        .addInclusionPatternForTestClasses("org.bucn.tracker.appeal.AppealProcessTests")
        .build();
  }

  /**
   * The coverage listeners refuse process activity outside a coverage run; the demo data at
   * start-up and the API tests run processes too, so they record into nothing until a process test
   * class installs its own collector.
   */
  @Bean
  Object processActivityOutsideCoverageRuns(ProcessEngine engine) {
    ignoreActivityOutsideCoverageRuns(engine);
    return new Object();
  }

  /**
   * Every sequence flow taken since the last {@link #forgetTakenFlows()}, as "processKey:flowId".
   */
  private static final java.util.Set<String> TAKEN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public static void forgetTakenFlows() {
    TAKEN.clear();
  }

  public static java.util.Set<String> takenFlows() {
    return java.util.Set.copyOf(TAKEN);
  }

  /**
   * Notes each sequence flow as it is taken (a "take" listener on every flow, added as the
   * processes are parsed): the engine's history records activities only, and a path such as
   * "request changes" passes no activity that another path does not pass too.
   */
  @Bean
  org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin sequenceFlowsTaken() {
    return new org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin() {
      @Override
      public void preInit(
          org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration
            .getCustomPreBPMNParseListeners()
            .add(
                new org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener() {
                  @Override
                  public void parseSequenceFlow(
                      org.camunda.bpm.engine.impl.util.xml.Element element,
                      org.camunda.bpm.engine.impl.pvm.process.ScopeImpl scope,
                      org.camunda.bpm.engine.impl.pvm.process.TransitionImpl flow) {
                    String flowId = flow.getId();
                    flow.addListener(
                        org.camunda.bpm.engine.delegate.ExecutionListener.EVENTNAME_TAKE,
                        (org.camunda.bpm.engine.delegate.ExecutionListener)
                            execution ->
                                TAKEN.add(
                                    execution.getProcessDefinitionId().split(":")[0]
                                        + ":"
                                        + flowId));
                  }
                });
      }
    };
  }

  public static void ignoreActivityOutsideCoverageRuns(ProcessEngine engine) {
    new ProcessEngineAdapter(engine, event -> {}).initializeListeners();
  }
}
