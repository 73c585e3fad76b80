package org.bucn.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Demo users' password is "demo": demo mode listens on loopback, and anywhere else only when said
 * so. No database.
 */
class ListeningAddressTests {

  @Test
  void demoModeOnEveryInterfaceIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> process(Map.of("tracker.demo", "true", "server.address", "0.0.0.0")))
        .hasMessageContaining("Demo mode is refused on SERVER_ADDRESS=0.0.0.0")
        .hasMessageContaining("TRACKER_DEMO_PUBLIC=true");
    assertThatThrownBy(
            () -> process(Map.of("tracker.demo", "true", "server.address", "192.0.2.10")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void loopbackOrAPublicDemoSaidSoOrNoDemoStart() {
    assertThat(process(Map.of("tracker.demo", "true")).getProperty("server.address"))
        .isEqualTo("127.0.0.1");
    assertThat(
            process(Map.of("tracker.demo", "true", "server.address", "::1"))
                .getProperty("server.address"))
        .isEqualTo("::1");
    assertThat(
            process(Map.of("tracker.demo", "true", "server.address", "localhost"))
                .getProperty("server.address"))
        .isEqualTo("localhost");
    assertThat(
            process(
                    Map.of(
                        "tracker.demo",
                        "true",
                        "tracker.demo-public",
                        "true",
                        "server.address",
                        "0.0.0.0"))
                .getProperty("server.address"))
        .isEqualTo("0.0.0.0");
    assertThat(
            process(Map.of("tracker.demo", "false", "server.address", "0.0.0.0"))
                .getProperty("server.address"))
        .isEqualTo("0.0.0.0");
  }

  private static StandardEnvironment process(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new ListeningAddress(new DeferredLogs())
        .postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
