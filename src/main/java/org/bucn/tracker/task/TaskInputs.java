package org.bucn.tracker.task;


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
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Binds what a client sends to complete a task — a JSON body, a submitted form — to the task's
 * typed {@link AppealInput}. A value of the wrong type is refused here naming its field; the
 * field rules are checked when the input is recorded ({@link TaskActions#complete}).
 */
@Component
public class TaskInputs {

  private final ObjectMapper json;

  TaskInputs(ObjectMapper json) {
    this.json = json;
  }

  public AppealInput fromJson(TaskKey key, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidFieldException("body", "must be a JSON object with the fields of " + key.key());
    }
    try {
      return json.treeToValue(body, key.inputType());
    } catch (MismatchedInputException e) {
      throw InvalidFieldException.of(e);
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException("body", "is not readable");
    }
  }

  /** Fields by name, as scripts and the demo seeding write them (dates as ISO strings, enums by name). */
  public AppealInput fromFields(TaskKey key, Map<String, ?> fields) {
    return fromJson(key, json.valueToTree(fields));
  }

  /** A submitted form: blank fields are absent, values trimmed, framework fields ({@code _csrf}) left out. */
  AppealInput fromForm(TaskKey key, Map<String, String> form) {
    ObjectNode body = json.createObjectNode();
    form.forEach((name, value) -> {
      if (!name.startsWith("_") && StringUtils.hasText(value)) {
        body.put(name, value.trim());
      }
    });
    return fromJson(key, body);
  }

  /** The files of a multipart step, empty parts (a file input left blank) left out. */
  static List<TaskActions.Attachment> attachments(List<MultipartFile> files) throws IOException {
    List<TaskActions.Attachment> attachments = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty()) {
        attachments.add(new TaskActions.Attachment(file.getOriginalFilename(), file.getBytes()));
      }
    }
    return attachments;
  }
}
