package org.bucn.tracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail tried again carries the same Message-ID: the server that took the data and then lost the
 * session (the fault-injection run: 9 mails, 41 deliveries) gets copies a mailbox can thread or
 * drop, never a new mail each time.
 */
@TrackerTest
class MailGatewayTests {

  @Autowired TrackerProperties properties;
  @Autowired Clock clock;

  /** An SMTP server that keeps every mail's data, then drops the connection before its answer. */
  ServerSocket server;

  final List<String> accepted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new ServerSocket(0);
    Thread listener =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                  converse(client);
                } catch (Exception e) {
                  // the next connection
                }
              }
            },
            "fake-smtp");
    listener.setDaemon(true);
    listener.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void aNoticeTriedAgainCarriesTheSameMessageId() {
    MailGateway gateway = gateway();
    MailGateway.Outgoing notice =
        new MailGateway.Outgoing(
            42, "ana@example.org", "Subject", "Body", null, null, null, null, null, null, null);

    assertThatThrownBy(() -> gateway.send(notice))
        .as("no answer to the data: the outbox tries again")
        .isInstanceOf(org.springframework.mail.MailException.class);
    assertThatThrownBy(() -> gateway.send(notice))
        .isInstanceOf(org.springframework.mail.MailException.class);
    assertThat(accepted).hasSize(2);
    assertThat(messageId(accepted.get(1)))
        .as("the same Message-ID on every attempt of one queued mail")
        .isEqualTo(messageId(accepted.get(0)))
        .startsWith("<outbox-42@");
  }

  private MailGateway gateway() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.getLocalPort());
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("smtp", sender);
    return new MailGateway(beans.getBeanProvider(JavaMailSender.class), properties, clock);
  }

  private void converse(Socket client) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = client.getOutputStream();
    say(out, "220 fake ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(java.util.Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        say(out, "250 fake");
      } else if (command.startsWith("DATA")) {
        say(out, "354 go on");
        StringBuilder data = new StringBuilder();
        while (!(line = in.readLine()).equals(".")) {
          data.append(line).append('\n');
        }
        accepted.add(data.toString());
        return; // the data kept, the session lost before the answer
      } else if (command.startsWith("QUIT")) {
        say(out, "221 bye");
        return;
      } else {
        say(out, "250 ok");
      }
    }
  }

  private static void say(OutputStream out, String reply) throws Exception {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String messageId(String data) {
    return data.lines()
        .filter(l -> l.regionMatches(true, 0, "Message-ID:", 0, 11))
        .map(l -> l.substring(11).strip())
        .findFirst()
        .orElseThrow();
  }
}
