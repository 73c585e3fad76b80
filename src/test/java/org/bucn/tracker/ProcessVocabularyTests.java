package org.bucn.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.CampaignProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every element id and task name the Java code names exists, with that name, in the deployed
 * models.
 */
class ProcessVocabularyTests {

  /**
   * Element ids follow the modeler's convention: {@code Task_ReviewAppeal}, {@code
   * End_AppealClosed}.
   */
  static final Pattern ELEMENT_ID =
      Pattern.compile("(Start|Task|Gateway|Event|End|SubProcess|CallActivity)_[A-Za-z]+");

  @Test
  void everyElementIdNamedInJavaExistsInItsModel() throws Exception {
    assertElementIdsExist(CampaignProcess.class, model("bpmn/campaign.bpmn"), CampaignProcess.KEY);
    assertElementIdsExist(AppealProcess.class, model("bpmn/appeal.bpmn"), AppealProcess.KEY);
  }

  @Test
  void everyTaskKeyIsAUserTaskOfTheAppealWithTheSameName() throws Exception {
    BpmnModelInstance appeal = model("bpmn/appeal.bpmn");
    for (TaskKey key : TaskKey.values()) {
      UserTask task = appeal.getModelElementById(key.elementId());
      assertThat(task).as("user task %s", key.elementId()).isNotNull();
      assertThat(task.getName()).as("name of %s", key.elementId()).isEqualTo(key.displayName());
      assertThat(task.getCamundaCandidateGroups())
          .as("group of %s", key.elementId())
          .isEqualTo(key.group().name());
    }
    assertThat(appeal.getModelElementsByType(UserTask.class))
        .as("every user task has a key")
        .hasSize(TaskKey.values().length);
  }

  private static void assertElementIdsExist(
      Class<?> vocabulary, BpmnModelInstance model, String processKey) throws Exception {
    Process process = model.getModelElementById(processKey);
    assertThat(process).as("process %s", processKey).isNotNull();
    List<String> ids = new ArrayList<>();
    for (Field field : vocabulary.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String value = (String) field.get(null);
        if (ELEMENT_ID.matcher(value).matches()) {
          ids.add(value);
        }
      }
    }
    assertThat(ids).as("element ids in %s", vocabulary.getSimpleName()).isNotEmpty();
    for (String id : ids) {
      assertThat(model.<FlowElement>getModelElementById(id))
          .as("%s.%s in %s", vocabulary.getSimpleName(), id, processKey)
          .isNotNull();
    }
  }

  private static BpmnModelInstance model(String resource) throws Exception {
    try (InputStream in =
        ProcessVocabularyTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Bpmn.readModelFromStream(in);
    }
  }
}
