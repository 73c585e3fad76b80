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
    HttpResponse<String> proxied = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(proxied.statusCode()).isEqualTo(200);
    assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));

    HttpResponse<String> plain = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void aLineBreakInAMessageCannotForgeALogLine(CapturedOutput output) {
    LoggerFactory.getLogger("org.bucn.tracker.test").warn("Saved campaign '{}'", "Sham votes\r\n2026-11-28T10:00:00.000Z ERROR 1 --- forged");
    assertThat(output.getOut()).contains("Saved campaign 'Sham votes | 2026-11-28T10:00:00.000Z ERROR 1 --- forged'");
    assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-28T10:00:00.000Z ERROR"));
  }
}
