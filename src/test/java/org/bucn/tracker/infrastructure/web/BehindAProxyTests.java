package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's side of the security settings (docs/operations.md): behind a reverse proxy that
 * terminates HTTPS, cookies are Secure and HSTS is sent; and no input can forge a log line.
 */
@TrackerTest
@ExtendWith(OutputCaptureExtension.class)
class BehindAProxyTests {

  @LocalServerPort int port;

  @Test
  void overHttpsThroughTheProxyCookiesAreSecureAndHstsIsSent() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> proxied =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(proxied.statusCode()).isEqualTo(200);
    assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    assertThat(proxied.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));

    HttpResponse<String> plain =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void aLineBreakInAMessageCannotForgeALogLine(CapturedOutput output) {
    LoggerFactory.getLogger("org.bucn.tracker.test")
        .warn("Saved campaign '{}'", "Sham votes\r\n2026-11-28T10:00:00.000Z ERROR 1 --- forged");
    assertThat(output.getOut())
        .contains("Saved campaign 'Sham votes | 2026-11-28T10:00:00.000Z ERROR 1 --- forged'");
    assertThat(output.getOut().lines())
        .noneMatch(line -> line.startsWith("2026-11-28T10:00:00.000Z ERROR"));
  }

  /**
   * A page of another site that rebinds its name to the tracker's address makes the browser send
   * that name: refused before anything runs, with the names that work; health checks by address
   * pass.
   */
  @Test
  void aRequestForAnotherHostNameIsRefused(
      @org.springframework.beans.factory.annotation.Autowired
          org.springframework.test.web.servlet.MockMvc mvc)
      throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/campaigns")
                .header("Host", "attacker.example:8080")
                .header("Origin", "http://attacker.example:8080")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("coordinator", "demo"))
                .contentType("application/json")
                .content("{}"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.errors[0].field")
                .value("Host"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login")
                .header("Host", "attacker.example"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isBadRequest());
    for (String host : new String[] {"localhost", "127.0.0.1:8080", "[::1]:8080"}) {
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login")
                  .header("Host", host))
          .andExpect(
              org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/actuator/health")
                .header("Host", "10.0.0.5"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
  }

  /**
   * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR break lines for some readers; ESC rewrites a
   * terminal; a bidi override hides text.
   */
  @Test
  void noOtherLineBreakOrControlCharacterReachesTheLog(CapturedOutput output) {
    LoggerFactory.getLogger("org.bucn.tracker.test")
        .warn("Subject '{}'", "a\u0085b\u2028c\u2029d \u001b[2J\u001b[31mred \u202Eevil\u0000");
    assertThat(output.getOut()).contains("Subject 'a | b | c | d ?[2J?[31mred ?evil?'");
    assertThat(output.getOut())
        .doesNotContain("\u001b")
        .doesNotContain("\u0085")
        .doesNotContain("\u2028")
        .doesNotContain("\u202E");
  }
}
