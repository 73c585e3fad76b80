package org.bucn.tracker.appeal.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.AppealInput;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Binds what a client sends to complete a task — a JSON body, a submitted form — to the task's
 * typed {@link AppealInput}. A value of the wrong type is refused here naming its field; the field
 * rules are checked when the input is recorded ({@link Steps#complete}).
 */
@Component
public class TaskInputs {

  private final ObjectMapper json;

  TaskInputs(ObjectMapper json) {
    this.json = json;
  }

  public AppealInput fromJson(TaskKey key, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidFieldException("body", "refusal.step.notAnObject", Refusal.task(key.key()));
    }
    try {
      return json.treeToValue(body, key.inputType());
    } catch (MismatchedInputException e) {
      throw InvalidFieldException.of(e);
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException("body", "refusal.body.unreadable");
    }
  }

  /**
   * Fields by name, as scripts and the demo seeding write them (dates as ISO strings, enums by
   * name).
   */
  public AppealInput fromFields(TaskKey key, Map<String, ?> fields) {
    return fromJson(key, json.valueToTree(fields));
  }

  /**
   * A submitted form: blank fields are absent, values trimmed, framework fields ({@code _csrf})
   * left out.
   */
  public AppealInput fromForm(TaskKey key, Map<String, String> form) {
    ObjectNode body = json.createObjectNode();
    form.forEach(
        (name, value) -> {
          if (!name.startsWith("_") && StringUtils.hasText(value)) {
            if (key == TaskKey.TRACK_SANCTION && name.equals("entities")) {
              body.set(name, entityLines(value));
            } else {
              body.put(name, value.trim());
            }
          }
        });
    return fromJson(key, body);
  }

  /**
   * "Name | person | OpenSanctions id | legal act", one per line, as the sanction form takes what
   * was sanctioned.
   */
  private com.fasterxml.jackson.databind.node.ArrayNode entityLines(String text) {
    com.fasterxml.jackson.databind.node.ArrayNode entities = json.createArrayNode();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] parts = lines[i].split("\\|", -1);
      String kind = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "";
      if (parts[0].isBlank() || !(kind.equals("person") || kind.startsWith("organi"))) {
        throw new InvalidFieldException("entities", "refusal.step.entityLine", i + 1);
      }
      ObjectNode entity = entities.addObject();
      entity.put("name", parts[0].trim());
      entity.put("kind", kind.equals("person") ? "PERSON" : "ORGANISATION");
      if (parts.length > 2 && !parts[2].isBlank()) {
        entity.put("openSanctionsId", parts[2].trim());
      }
      if (parts.length > 3 && !parts[3].isBlank()) {
        entity.put(
            "legalAct",
            String.join("|", java.util.Arrays.copyOfRange(parts, 3, parts.length)).trim());
      }
    }
    return entities;
  }

  /** The files of a multipart step, empty parts (a file input left blank) left out. */
  public static List<Steps.Attachment> attachments(List<MultipartFile> files) throws IOException {
    List<Steps.Attachment> attachments = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty()) {
        attachments.add(new Steps.Attachment(file.getOriginalFilename(), file.getBytes()));
      }
    }
    return attachments;
  }
}
