package org.bucn.tracker.infrastructure.db;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liquibase.integration.spring.SpringLiquibase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where a start's time goes, said once the tracker is ready: stopping a server a crash left behind,
 * starting the database (its crash recovery included), checking and migrating the schema, building
 * the process engine, and the rest. An operator whose restart is slow reads which phase it was.
 */
@Configuration(proxyBeanMethods = false)
public class StartPhases {

  private static final Logger log = LoggerFactory.getLogger(StartPhases.class);

  /** The phases of this JVM's start, in the order they ended. */
  private static final Map<String, Duration> PHASES =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());

  /** Records how long a phase took. */
  static void took(String phase, long startedNanos) {
    PHASES.merge(phase, Duration.ofNanos(System.nanoTime() - startedNanos), Duration::plus);
  }

  /** The phases of the last start that became ready in this JVM, with its total under "ready". */
  private static volatile Map<String, Duration> last = Map.of();

  /** The phases of the last start in this JVM (tests start several), the whole under "ready". */
  public static Map<String, Duration> lastStart() {
    return last;
  }

  /** Times Liquibase's check and migration of the schema, which runs as its bean initialises. */
  @Bean
  static BeanPostProcessor schemaPhase() {
    return new BeanPostProcessor() {
      private long started;

      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase) {
          started = System.nanoTime();
        }
        return bean;
      }

      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase) {
          took("schema checked and migrated", started);
        }
        return bean;
      }
    };
  }

  /** Times the building of the process engine. */
  @Bean
  AbstractProcessEnginePlugin enginePhase() {
    return new AbstractProcessEnginePlugin() {
      private long started;

      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        started = System.nanoTime();
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        took("process engine built", started);
      }
    };
  }

  /** The ready line: the whole start, and each phase of it. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> startPhasesSaid() {
    return event -> {
      Duration jvm = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
      Duration total = event.getTimeTaken() != null ? event.getTimeTaken() : jvm;
      List<String> parts = new ArrayList<>();
      Duration phased = Duration.ZERO;
      Map<String, Duration> phases;
      synchronized (PHASES) {
        phases = new LinkedHashMap<>(PHASES);
        PHASES.clear(); // the next start in this JVM (tests start several) counts afresh
      }
      for (Map.Entry<String, Duration> phase : phases.entrySet()) {
        parts.add(phase.getKey() + " " + seconds(phase.getValue()));
        phased = phased.plus(phase.getValue());
      }
      parts.add(
          "the rest "
              + seconds(total.minus(phased).isNegative() ? Duration.ZERO : total.minus(phased)));
      log.info(
          "Ready {} after the start began (the JVM has run {}): {}",
          seconds(total),
          seconds(jvm),
          String.join(", ", parts));
      phases.put("ready", total);
      last = java.util.Collections.unmodifiableMap(phases);
    };
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
