package org.bucn.tracker;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the Sanctions Campaign Tracker: web UI, JSON API and the embedded Camunda engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrackerApplication {

  /** Time comes from here, never from a static now(): tests and the demo's story can move it. */
  @Bean
  org.bucn.tracker.shared.TrackerClock clock() {
    return new org.bucn.tracker.shared.TrackerClock(java.time.ZoneId.systemDefault());
  }

  /**
   * "Not in the future" ({@code @PastOrPresent}) by the same clock: moved in a test or a drill,
   * validation moves with it.
   */
  @Bean
  org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer
      validationClock(org.springframework.beans.factory.ObjectProvider<Clock> clock) {
    return configuration -> configuration.clockProvider(clock::getObject);
  }

  public static void main(String[] args) {
    SpringApplication.run(TrackerApplication.class, args);
  }
}
