package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One log line per request, carrying who asked, the request id and the appeal; as ECS JSON, one
 * line whatever the input.
 */
@TrackerTest
class RequestLogTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @Test
  void eachRequestLogsOneJsonLineWithItsUserRequestIdAndAppeal() throws Exception {
    long appeal = jdbc.sql("SELECT min(id) FROM appeal").query(Long.class).single();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger requests = context.getLogger("org.bucn.tracker.request");
    Level level = requests.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    requests.addAppender(captured);
    requests.setLevel(Level.INFO);
    try {
      mvc.perform(
              get("/api/appeals/" + appeal)
                  .with(httpBasic("coordinator", "demo"))
                  .header("X-Request-Id", "trace-42"))
          .andExpect(status().isOk())
          .andExpect(header().string("X-Request-Id", "trace-42"));
      mvc.perform(get("/api/me").header("X-Request-Id", "forged\r\nline"))
          .andExpect(status().isUnauthorized())
          .andExpect(
              header()
                  .string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")));
    } finally {
      requests.detachAppender(captured);
      requests.setLevel(level);
    }

    StructuredLogEncoder ecs = new StructuredLogEncoder();
    ecs.setFormat("ecs");
    ecs.setContext(context);
    ecs.start();
    List<String> lines =
        captured.list.stream()
            .map(event -> new String(ecs.encode(event), StandardCharsets.UTF_8))
            .toList();
    assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line.strip()).doesNotContain("\n"));

    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.path("message").asText()).startsWith("GET /api/appeals/" + appeal + " 200 ");
    assertThat(find(first, "request.id")).isEqualTo("trace-42");
    assertThat(find(first, "user.name")).isEqualTo("coordinator");
    assertThat(find(first, "appeal.id")).isEqualTo(String.valueOf(appeal));
    JsonNode second = json.readTree(lines.get(1));
    assertThat(second.path("message").asText()).startsWith("GET /api/me 401 ");
    assertThat(find(second, "request.id"))
        .as("a made-up id is replaced, not logged")
        .matches("[0-9a-f-]{36}");
  }

  /** A dotted key as a flat field or nested objects, as the ECS formatter writes it. */
  private static String find(JsonNode line, String key) {
    if (line.has(key)) {
      return line.get(key).asText();
    }
    JsonNode node = line;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() ? null : node.asText();
  }
}
