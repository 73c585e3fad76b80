package org.bucn.tracker.demo;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the server listens: {@code SERVER_ADDRESS} when given; otherwise, in demo mode (users
 * whose password is "demo"), loopback only, so that a demo started on a laptop in a café is not
 * open to the network. Outside demo mode every interface, as Spring Boot does.
 */
class ListeningAddress implements EnvironmentPostProcessor {

  static final String LOOPBACK = "127.0.0.1";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (StringUtils.hasText(environment.getProperty("server.address")) || !DemoMode.enabled(environment)) {
      return;
    }
    environment.getPropertySources().addLast(new MapPropertySource("demo-listens-on-loopback", Map.of("server.address", LOOPBACK)));
  }
}
