package org.bucn.tracker.campaign;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The waits of {@code bpmn/scheduled-launch.bpmn}: one per draft campaign with a launch time, keyed
 * by the campaign's id. Setting a new time replaces the wait; a launch by hand or deleting the
 * draft ends it.
 */
@Component
class ScheduledLaunches {

  static final String KEY = "scheduledLaunch";
  static final String CAMPAIGN_ID = "campaignId";
  static final String LAUNCH_AT = "launchAt";
  static final String EVENT_LAUNCH_TIME = "Event_LaunchTime";

  private final RuntimeService runtime;

  ScheduledLaunches(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Waits for {@code launchAt} (none: no wait), in place of any earlier wait of the campaign. */
  void schedule(long campaignId, OffsetDateTime launchAt) {
    cancel(campaignId);
    if (launchAt != null) {
      runtime
          .createProcessInstanceByKey(KEY)
          .businessKey(String.valueOf(campaignId))
          .setVariable(CAMPAIGN_ID, campaignId)
          .setVariable(LAUNCH_AT, Date.from(launchAt.toInstant()))
          .execute();
    }
  }

  /** Ends the campaign's wait, if it still waits (not one that is launching it now). */
  void cancel(long campaignId) {
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(KEY)
        .processInstanceBusinessKey(String.valueOf(campaignId))
        .activityIdIn(EVENT_LAUNCH_TIME)
        .list()
        .forEach(
            waiting ->
                runtime.deleteProcessInstance(waiting.getId(), "launch time changed", true, true));
  }
}
