package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Until the start has finished (the demo made), the login page and the API are not answered, so a
 * newcomer's first login cannot meet users that do not exist yet (issue 28); health and the page's
 * styles are.
 */
class StartingGateTests {

  @Test
  void onlyHealthAndStylesAreAnsweredUntilTheStartHasFinished() throws Exception {
    ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    StartingGate gate = new StartingGate(availability, new ObjectMapper());

    MockHttpServletResponse login = through(gate, "/login");
    assertThat(login.getStatus()).isEqualTo(503);
    assertThat(login.getHeader("Retry-After")).isEqualTo("5");
    MockHttpServletResponse api = through(gate, "/api/me");
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getContentAsString()).contains("starting");
    assertThat(through(gate, "/actuator/health/liveness").getStatus()).isEqualTo(200);
    assertThat(through(gate, "/css/tracker.css").getStatus()).isEqualTo(200);

    StaticApplicationContext context = new StaticApplicationContext();
    availability.onApplicationEvent(
        new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
    assertThat(through(gate, "/login").getStatus()).isEqualTo(200);
    assertThat(through(gate, "/api/me").getStatus()).isEqualTo(200);
  }

  private static MockHttpServletResponse through(StartingGate gate, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    gate.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
