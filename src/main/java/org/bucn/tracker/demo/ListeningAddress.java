package org.bucn.tracker.demo;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the server listens: {@code SERVER_ADDRESS} when given; otherwise, in demo mode (users whose
 * password is "demo"), loopback only, so that a demo started on a laptop in a café is not open to
 * the network. Outside demo mode every interface, as Spring Boot does. Demo mode on any other
 * address than loopback is refused before anything starts, unless {@code TRACKER_DEMO_PUBLIC=true}
 * says it is meant (then every start warns that anyone who reaches the address logs in as admin
 * with "demo").
 */
class ListeningAddress implements EnvironmentPostProcessor {

  static final String LOOPBACK = "127.0.0.1";

  private final org.apache.commons.logging.Log log;

  ListeningAddress(org.springframework.boot.logging.DeferredLogFactory logs) {
    this.log = logs.getLog(ListeningAddress.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!DemoMode.enabled(environment)) {
      return;
    }
    String address = environment.getProperty("server.address");
    if (StringUtils.hasText(address) && !loopback(address)) {
      if (!environment.getProperty("tracker.demo-public", Boolean.class, false)) {
        throw new IllegalStateException(
            "Demo mode is refused on SERVER_ADDRESS="
                + address
                + ": its users' password is 'demo', admin"
                + " included, and anyone who reaches that address could log in. Listen on 127.0.0.1, or turn demo mode off"
                + " (TRACKER_DEMO=false with TRACKER_ADMIN_PASSWORD), or say TRACKER_DEMO_PUBLIC=true if a public demo is really meant.");
      }
      log.warn(
          "DEMO MODE IS OPEN TO THE NETWORK on "
              + address
              + " (TRACKER_DEMO_PUBLIC=true): anyone who reaches it logs in as admin"
              + " with the password 'demo'. Never put real data in it.");
      return;
    }
    if (StringUtils.hasText(address)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource("demo-listens-on-loopback", Map.of("server.address", LOOPBACK)));
  }

  /** 127.0.0.0/8, ::1 or a name that resolves only to such an address ("localhost"). */
  static boolean loopback(String address) {
    try {
      java.net.InetAddress[] resolved = java.net.InetAddress.getAllByName(address.strip());
      return resolved.length > 0
          && java.util.Arrays.stream(resolved).allMatch(java.net.InetAddress::isLoopbackAddress);
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
