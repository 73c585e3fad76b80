package org.bucn.tracker;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The SMTP and IMAP ports of the test mail server (GreenMail), free ports picked once per test JVM,
 * so that two builds on one machine never meet on GreenMail's fixed test ports. The application
 * under test reads them as {@code test.mail.smtp-port} and {@code test.mail.imap-port}
 * (application-test.yml); tests start GreenMail with {@link #SMTP} or {@link #SMTP_IMAP}.
 */
public final class TestMailPorts implements EnvironmentPostProcessor {

  public static final int SMTP_PORT = freePort();
  public static final int IMAP_PORT = freePort();
  public static final ServerSetup SMTP =
      new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP);
  public static final ServerSetup[] SMTP_IMAP = {
    SMTP, new ServerSetup(IMAP_PORT, null, ServerSetup.PROTOCOL_IMAP)
  };

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "test-mail-ports",
                Map.of("test.mail.smtp-port", SMTP_PORT, "test.mail.imap-port", IMAP_PORT)));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
