package org.bucn.tracker.infrastructure.db;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the Camunda engine wait for Liquibase, which owns every table including the engine's
 * (without it the engine may start first and stop with ENGINE-03057, no Camunda tables). Registered
 * in META-INF/spring.factories.
 */
public class ProcessEngineAfterLiquibase
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(
        ProcessEngine.class, ProcessEngineConfiguration.class, ProcessEngineFactoryBean.class);
  }
}
