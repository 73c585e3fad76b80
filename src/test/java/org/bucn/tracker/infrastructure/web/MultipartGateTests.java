package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;

/**
 * Files are read only where files are taken and only for someone logged in: an anonymous upload is
 * answered without its body being read, a multipart post anywhere else is 415 unread, and a part
 * with a NUL in its file name or a broken body is a 400, never a 500. Over a real socket, as a
 * hostile client would send it.
 */
@TrackerTest
class MultipartGateTests {

  static final String BOUNDARY = "----tracker-test";

  @LocalServerPort int port;
  @Autowired CampaignDrill drill;

  /**
   * The headers of an upload as large as may be (3 MB with the tests' 2 MB files; 26 MB in
   * production) and its first part only: the answer comes without the rest ever being sent.
   */
  @Test
  void anAnonymousUploadIsAnsweredWithoutItsBodyBeingRead() throws Exception {
    for (String path : new String[] {"/api/appeals/1/evidence", "/appeals/1/evidence"}) {
      String status =
          firstLine(
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                  + BOUNDARY
                  + "\r\nContent-Length: "
                  + (3 * 1024 * 1024 - 100)
                  + "\r\n\r\n--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"file\"; "
                  + "filename=\"a.pdf\"\r\n\r\n%PDF-");
      assertThat(status).as(path).matches("HTTP/1.1 (401|302|403) .*");
    }
  }

  @Test
  void aMultipartPostWhereNoFilesAreTakenIs415WhateverItsFileNames() throws Exception {
    for (String path : new String[] {"/public", "/login", "/actuator/health", "/api/campaigns"}) {
      assertThat(firstLine(upload(path, null, "a\u0000.pdf"))).as(path).startsWith("HTTP/1.1 415");
    }
    assertThat(firstLine(upload("/api/campaigns", "coordinator:demo", "a\u0000.pdf")))
        .startsWith("HTTP/1.1 415");
  }

  @Test
  void aNulInAFileNameOrABrokenBodyWhereFilesAreTakenIsA400NamingTheField() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    long appeal = drill.appeal(campaign, "AL");
    String nul =
        upload(
            "/api/appeals/" + appeal + "/evidence?kind=OTHER",
            "coordinator:demo",
            "scan\u0000.pdf");
    assertThat(response(nul)).startsWith("HTTP/1.1 400").contains("\"field\":\"file\"");
    String broken =
        "POST /api/appeals/"
            + appeal
            + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
            + Base64.getEncoder()
                .encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8))
            + "\r\nContent-Type: multipart/form-data\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot parts";
    assertThat(response(broken)).startsWith("HTTP/1.1 400").contains("\"field\":\"file\"");
  }

  /**
   * A client that stops sending is cut off after 20 s, not held for a minute; at most 1 MB of a
   * refused body is read.
   */
  @Test
  void slowClientsAreCutOffAndRefusedBodiesAreNotReadToTheEnd(
      @Autowired WebServerApplicationContext context) {
    var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    assertThat(connector.getProperty("connectionTimeout")).isEqualTo(20_000);
    assertThat(connector.getProperty("keepAliveTimeout")).isEqualTo(20_000);
    assertThat(connector.getProperty("maxSwallowSize")).isEqualTo(1024 * 1024);
  }

  private static String upload(String path, String credentials, String fileName) {
    String body =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--"
            + BOUNDARY
            + "--\r\n";
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + (credentials == null
            ? ""
            : "Authorization: Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                + "\r\n")
        + "Content-Type: multipart/form-data; boundary="
        + BOUNDARY
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  /**
   * Sends the bytes and reads the status line, within 10 s (the server does not wait for a body it
   * does not read).
   */
  private String firstLine(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
          .readLine();
    }
  }

  private String response(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
