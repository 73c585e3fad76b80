package org.bucn.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the Sanctions Campaign Tracker: web UI, JSON API and the embedded Camunda engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrackerApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrackerApplication.class, args);
  }
}
