package org.bucn.tracker.infrastructure.web;

import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line when the tracker takes requests, saying where: what a person starting it waits for. */
@Component
class ReadyLine {

  private static final Logger log = LoggerFactory.getLogger("org.bucn.tracker");

  private final TrackerProperties properties;

  ReadyLine(TrackerProperties properties) {
    this.properties = properties;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      int port = web.getWebServer().getPort();
      String base = properties.publicBaseUrl();
      String at =
          base.equals("http://localhost:8080") && port != 8080 ? "http://localhost:" + port : base;
      log.info("Sanctions Campaign Tracker ready at {}", at);
    }
  }
}
