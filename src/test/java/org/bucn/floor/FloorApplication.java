package org.bucn.floor;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

/**
 * The engine's floor for the lifecycle benchmark (issue 28): the tracker's own {@code
 * bpmn/appeal.bpmn} and {@code bpmn/campaign.bpmn} in a bare Camunda application with the same
 * engine settings (the same {@code application.yml}), none of the tracker's listeners, tables or
 * views, no-op beans for the processes' delegates and expressions, and the routing variables set as
 * the benchmark's path needs. Behind the same Tomcat and a form-login session, a minimal API with
 * the tracker's paths and answers for what the benchmark calls (list tasks, claim, complete,
 * launch), so that the one driver runs both. Outside {@code org.bucn.tracker}: the tracker's scan
 * never sees it.
 */
@SpringBootApplication(exclude = LiquibaseAutoConfiguration.class)
public class FloorApplication {

  static final int MAX_FOLLOW_UPS = 2;

  @Bean
  InMemoryUserDetailsManager people() {
    return new InMemoryUserDetailsManager(
        User.withUsername("coordinator").password("{noop}demo").roles("COORDINATOR").build(),
        User.withUsername("advocate").password("{noop}demo").roles("ADVOCATE").build(),
        User.withUsername("advocate2").password("{noop}demo").roles("ADVOCATE").build());
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  /** What the tracker keeps in its tables, kept here in memory. */
  @Component
  public static class Ledger {
    final AtomicLong ids = new AtomicLong();
    final Map<Long, List<Long>> appealsOfCampaign = new ConcurrentHashMap<>();
    final Map<String, Long> appealOfProcess = new ConcurrentHashMap<>();
    final Map<Long, AtomicLong> followUps = new ConcurrentHashMap<>();

    /** Who drafted each appeal: its follow-ups are theirs, as the tracker gives them. */
    final Map<Long, String> holders = new ConcurrentHashMap<>();

    /** Whether every appeal of every launched campaign has its process. */
    public boolean allOpened() {
      return appealOfProcess.size()
          == appealsOfCampaign.values().stream().mapToInt(List::size).sum();
    }
  }

  /** The schedule: the benchmark's follow-up interval, due dates a fortnight out. */
  @Component("appealSchedule")
  public static class Schedule {
    public String followUpInterval(Object campaignId) {
      return "PT3S";
    }

    public String sanctionCheckInterval(Object campaignId) {
      return "P30D";
    }

    public Date due(Object campaignId, String taskKey) {
      return new Date(System.currentTimeMillis() + 14L * 24 * 3600 * 1000);
    }
  }

  /**
   * The engine's part of the campaign's work on its appeals, as the tracker's CampaignAppeals does
   * it: open them as processes of their own, a hundred to a job; the last to end tells the
   * campaign.
   */
  @Component
  public static class CampaignAppeals {
    static final int PER_JOB = 100;

    private final Ledger ledger;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final Map<Long, AtomicLong> open = new ConcurrentHashMap<>();

    CampaignAppeals(Ledger ledger, org.camunda.bpm.engine.RuntimeService runtime) {
      this.ledger = ledger;
      this.runtime = runtime;
    }

    void openNext(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
      List<Long> appeals = ledger.appealsOfCampaign.get(campaignId);
      open.computeIfAbsent(campaignId, id -> new AtomicLong(appeals.size()));
      Number done = (Number) execution.getVariable("openedUpTo");
      int from = done == null ? 0 : done.intValue();
      int to = Math.min(appeals.size(), from + PER_JOB);
      for (Long appealId : appeals.subList(from, to)) {
        runtime.startProcessInstanceByKey(
            "appeal",
            String.valueOf(appealId),
            org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue("campaignId", campaignId)
                .putValue("appealId", appealId));
      }
      execution.setVariable("openedUpTo", (long) to);
      execution.setVariable("openingLeft", to < appeals.size());
      execution.setVariable("closedEarly", false);
    }

    void ended(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
      if (open.get(campaignId).decrementAndGet() == 0) {
        runtime
            .createMessageCorrelation("everyAppealEnded")
            .processInstanceBusinessKey(String.valueOf(campaignId))
            .correlateWithResult();
      }
    }
  }

  @Bean
  JavaDelegate openAppeals(CampaignAppeals appeals) {
    return appeals::openNext;
  }

  @Bean
  JavaDelegate withdrawAppeals() {
    return execution -> execution.setVariable("withdrawingLeft", false);
  }

  @Bean
  JavaDelegate appealEnded(CampaignAppeals appeals) {
    return appeals::ended;
  }

  @Bean
  ExecutionListener appealStarted(Ledger ledger) {
    return execution ->
        ledger.appealOfProcess.put(
            execution.getProcessInstanceId(),
            ((Number) execution.getVariable("appealId")).longValue());
  }

  @Bean
  JavaDelegate closeAppeal() {
    return execution -> {};
  }

  @Bean
  JavaDelegate closeCampaign() {
    return execution -> {};
  }
}
