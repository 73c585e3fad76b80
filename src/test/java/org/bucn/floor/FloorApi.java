package org.bucn.floor;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tracker's paths and answers for what the lifecycle benchmark calls, on the bare engine. */
@RestController
class FloorApi {

  /** The tracker's task keys and the BPMN elements they name. */
  static final Map<String, String> ELEMENTS =
      Map.of(
          "draftAppeal", "Task_DraftAppeal",
          "reviewAppeal", "Task_ReviewAppeal",
          "submitAppeal", "Task_SubmitAppeal",
          "recordResponse", "Task_RecordResponse",
          "followUp", "Task_FollowUp",
          "escalateNoResponse", "Task_EscalateNoResponse",
          "trackSanction", "Task_TrackSanction");

  private static final Map<String, String> KEYS = new HashMap<>();

  static {
    ELEMENTS.forEach((key, element) -> KEYS.put(element, key));
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FloorApplication.Ledger ledger;

  FloorApi(RuntimeService runtime, TaskService tasks, FloorApplication.Ledger ledger) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.ledger = ledger;
  }

  /** The page the benchmark's session reads its CSRF token from. */
  @GetMapping(value = "/", produces = "text/html")
  String home(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return "<html><head><meta name=\"_csrf\" content=\"" + token.getToken() + "\"></head></html>";
  }

  @GetMapping("/api/targets")
  List<Map<String, Object>> targets() {
    return LongStream.rangeClosed(1, 22).mapToObj(id -> Map.<String, Object>of("id", id)).toList();
  }

  @PostMapping("/api/campaigns")
  Map<String, Object> create(@RequestBody Map<String, Object> campaign) {
    long id = ledger.ids.incrementAndGet();
    List<Long> appeals = new ArrayList<>();
    for (Object target : (List<?>) campaign.get("targetIds")) {
      appeals.add(ledger.ids.incrementAndGet());
    }
    ledger.appealsOfCampaign.put(id, appeals);
    return Map.of("id", id);
  }

  @PostMapping("/api/campaigns/{id}/launch")
  Map<String, Object> launch(@PathVariable long id) {
    runtime.startProcessInstanceByKey(
        "campaign", String.valueOf(id), Variables.createVariables().putValue("campaignId", id));
    return Map.of("id", id, "status", "ACTIVE");
  }

  @GetMapping("/api/campaigns/{id}/appeals")
  List<Map<String, Object>> appeals(@PathVariable long id) {
    return ledger.appealsOfCampaign.get(id).stream()
        .map(appeal -> Map.<String, Object>of("id", appeal))
        .toList();
  }

  @GetMapping("/api/tasks")
  Map<String, Object> list(
      @RequestParam String scope,
      @RequestParam String taskKey,
      @RequestParam(defaultValue = "100") int size,
      @RequestParam(required = false) Long campaignId,
      Authentication who) {
    TaskQuery query =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(ELEMENTS.get(taskKey))
            .taskCandidateGroupIn(groups(who))
            .taskUnassigned();
    if (campaignId != null) {
      query.processVariableValueEquals("campaignId", campaignId);
    }
    List<Map<String, Object>> items =
        query
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, scope.equals("mine") ? 10 * size : size)
            .stream()
            .map(this::item)
            .toList();
    if (scope.equals("mine")) {
      // The tracker gives an appeal's follow-ups to whoever holds it; here, to who drafted it.
      items =
          items.stream()
              .filter(item -> who.getName().equals(ledger.holders.get((Long) item.get("appealId"))))
              .toList();
    }
    return Map.of("items", items);
  }

  @PostMapping("/api/tasks/{id}/claim")
  void claim(@PathVariable String id, Principal who) {
    Task task = tasks.createTaskQuery().taskId(id).singleResult();
    tasks.claim(id, who.getName());
    ledger.holders.put(ledger.appealOfProcess.get(task.getProcessInstanceId()), who.getName());
  }

  /** Completes the task with the routing its fields mean, and names the appeal's next tasks. */
  @PostMapping("/api/tasks/{id}/complete")
  Map<String, Object> complete(
      @PathVariable String id, @RequestBody Map<String, Object> fields, Authentication who) {
    Task task = tasks.createTaskQuery().taskId(id).singleResult();
    String key = KEYS.get(task.getTaskDefinitionKey());
    if (!groups(who).contains(groupOf(key))) {
      throw new IllegalStateException(who.getName() + " may not complete " + key);
    }
    Map<String, Object> variables = new HashMap<>();
    switch (key) {
      case "reviewAppeal" -> variables.put("approved", "APPROVE".equals(fields.get("decision")));
      case "recordResponse" -> variables.put("trackSanctions", true);
      case "followUp" -> {
        long appeal = ledger.appealOfProcess.get(task.getProcessInstanceId());
        long done =
            ledger.followUps.computeIfAbsent(appeal, a -> new AtomicLong()).incrementAndGet();
        variables.put("followUpsExhausted", done >= FloorApplication.MAX_FOLLOW_UPS);
      }
      case "escalateNoResponse" -> {
        variables.put("extend", false);
        variables.put("trackSanctions", false); // closed silent: nothing to track
      }
      case "trackSanction" -> variables.put("sanctionPending", false);
      default -> {}
    }
    // As the tracker does (StepTransactions): a step that met a concurrent change of its
    // process (a timer firing as the answer is recorded) is done again on fresh rows.
    for (int attempt = 1; ; attempt++) {
      try {
        tasks.complete(id, variables);
        break;
      } catch (OptimisticLockingException | ProcessEnginePersistenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
    return Map.of(
        "nextTasks",
        tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
            .map(this::item)
            .toList());
  }

  private Map<String, Object> item(Task task) {
    return Map.of(
        "id",
        task.getId(),
        "taskKey",
        KEYS.getOrDefault(task.getTaskDefinitionKey(), task.getTaskDefinitionKey()),
        "appealId",
        ledger.appealOfProcess.getOrDefault(task.getProcessInstanceId(), 0L));
  }

  private static String groupOf(String key) {
    return key.equals("reviewAppeal") || key.equals("escalateNoResponse")
        ? "COORDINATOR"
        : "ADVOCATE";
  }

  private static List<String> groups(Authentication who) {
    return who.getAuthorities().stream()
        .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
        .toList();
  }
}
