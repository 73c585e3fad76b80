package org.bucn.tracker.operations;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.bucn.tracker.infrastructure.security.EngineIdentity;
import org.bucn.tracker.notification.MailBacklog;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.user.Actor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin needs instead of Camunda's Cockpit: engine jobs that failed every retry (an appeal
 * stuck at a timer or service step), the mail backlog, and a way to retry both.
 */
@Service
public class Operations {

  /** The state of the tracker at a glance. */
  public record Overview(
      long runningAppeals,
      long openTasks,
      long jobsDue,
      List<FailedJob> failedJobs,
      long mailsWaiting,
      List<MailBacklog.FailingMail> failingMails) {}

  /** An engine job with no retries left; its appeal does not move until it is retried. */
  public record FailedJob(
      String jobId,
      String processInstanceId,
      Long appealId,
      String activity,
      String error,
      OffsetDateTime due) {}

  /** The console lists the most recent refused mails, this many at most. */
  static final int FAILING_MAILS_SHOWN = 50;

  private final ManagementService management;
  private final JdbcClient jdbc;
  private final MailBacklog mails;
  private final EngineIdentity engineIdentity;

  Operations(
      ManagementService management,
      JdbcClient jdbc,
      MailBacklog mails,
      EngineIdentity engineIdentity) {
    this.management = management;
    this.jdbc = jdbc;
    this.mails = mails;
    this.engineIdentity = engineIdentity;
  }

  @Transactional(readOnly = true)
  public Overview overview() {
    java.util.Map<String, String> activities =
        management.createJobDefinitionQuery().list().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    d -> d.getId(), d -> d.getActivityId(), (a, b) -> a));
    List<FailedJob> failed =
        management
            .createJobQuery()
            .noRetriesLeft()
            .orderByJobDuedate()
            .asc()
            .listPage(0, 50)
            .stream()
            .map(job -> failedJob(job, activities.get(job.getJobDefinitionId())))
            .toList();
    return new Overview(
        jdbc.sql("SELECT count(*) FROM appeal_overview WHERE stage NOT IN ('CLOSED', 'WITHDRAWN')")
            .query(Long.class)
            .single(),
        jdbc.sql("SELECT count(*) FROM open_task").query(Long.class).single(),
        management.createJobQuery().executable().count(),
        failed,
        mails.waiting(),
        mails.failing(FAILING_MAILS_SHOWN));
  }

  /** Gives a failed job one more try; the job executor picks it up within seconds. */
  @Transactional
  public void retryJob(String jobId, Actor actor) {
    if (management.createJobQuery().jobId(jobId).count() == 0) {
      throw new NotFoundException("job", jobId);
    }
    engineIdentity.run(actor, () -> management.setJobRetries(jobId, 1));
  }

  /** Sends every waiting mail at the next poll instead of after its pause. */
  public int retryMailsNow() {
    return mails.retryNow();
  }

  private FailedJob failedJob(Job job, String activity) {
    Long appealId =
        job.getProcessInstanceId() == null
            ? null
            : jdbc.sql("SELECT id FROM appeal_overview WHERE process_instance_id = ?")
                .param(job.getProcessInstanceId())
                .query(Long.class)
                .optional()
                .orElse(null);
    return new FailedJob(
        job.getId(),
        job.getProcessInstanceId(),
        appealId,
        activity,
        job.getExceptionMessage(),
        job.getDuedate() == null ? null : job.getDuedate().toInstant().atOffset(ZoneOffset.UTC));
  }
}
