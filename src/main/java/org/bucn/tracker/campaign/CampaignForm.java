package org.bucn.tracker.campaign;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The new-campaign form as the page posts it, apart from the API's request record. */
public class CampaignForm {

  private String title = "";
  private String summary = "";
  private Set<Demand> demands = EnumSet.allOf(Demand.class);
  private String followUpInterval = "P14D";
  private Integer maxFollowUps = 3;
  private String sanctionCheckInterval = "P30D";
  private List<Long> targetIds = new ArrayList<>();

  CampaignRequest toRequest() {
    return new CampaignRequest(
        title, summary, demands == null ? Set.of() : demands, followUpInterval, maxFollowUps, sanctionCheckInterval,
        targetIds == null ? List.of() : targetIds);
  }

  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getSummary() { return summary; }
  public void setSummary(String summary) { this.summary = summary; }
  public Set<Demand> getDemands() { return demands; }
  public void setDemands(Set<Demand> demands) { this.demands = demands; }
  public String getFollowUpInterval() { return followUpInterval; }
  public void setFollowUpInterval(String followUpInterval) { this.followUpInterval = followUpInterval; }
  public Integer getMaxFollowUps() { return maxFollowUps; }
  public void setMaxFollowUps(Integer maxFollowUps) { this.maxFollowUps = maxFollowUps; }
  public String getSanctionCheckInterval() { return sanctionCheckInterval; }
  public void setSanctionCheckInterval(String sanctionCheckInterval) { this.sanctionCheckInterval = sanctionCheckInterval; }
  public List<Long> getTargetIds() { return targetIds; }
  public void setTargetIds(List<Long> targetIds) { this.targetIds = targetIds; }
}
