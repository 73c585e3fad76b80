package org.bucn.tracker.publication;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published campaigns: one query for the campaign, one for its appeals through {@code
 * public_appeal}.
 */
@Service
public class PublicCampaigns {

  private final CampaignService campaigns;
  private final JdbcClient jdbc;

  PublicCampaigns(CampaignService campaigns, JdbcClient jdbc) {
    this.campaigns = campaigns;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<PublicCampaign.Listed> index() {
    return campaigns.published().stream()
        .map(c -> new PublicCampaign.Listed(c.id(), c.title(), c.status().name(), c.publishedAt()))
        .toList();
  }

  /** The published campaign; an unpublished or unknown one is "not found" alike. */
  @Transactional(readOnly = true)
  public PublicCampaign campaign(long id) {
    Campaign campaign;
    try {
      campaign = campaigns.get(id);
    } catch (NotFoundException unknown) {
      throw new NotFoundException("campaign", id);
    }
    if (campaign.publishedAt() == null) {
      throw new NotFoundException("campaign", id);
    }
    Map<String, PublicCampaign.Country> countries = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT country_code, country, office, addressed_to, submitted_on, response_kind, responded_on, response_summary,
                   response_source, sanction_status, sanction_measure, sanction_decided_on, sanction_reference, sanction_source,
                   response_pending
              FROM public_appeal WHERE campaign_id = ? ORDER BY country, office, id
            """)
        .param(id)
        .query(
            (rs, n) -> {
              String kind = rs.getString("response_kind");
              String status = rs.getString("sanction_status");
              PublicCampaign.Office office =
                  new PublicCampaign.Office(
                      rs.getString("office"),
                      rs.getString("addressed_to"),
                      date(rs.getDate("submitted_on")),
                      kind == null
                          ? null
                          : rs.getBoolean("response_pending")
                              ? new PublicCampaign.Answer(null, null, null, null, true)
                              : new PublicCampaign.Answer(
                                  kind,
                                  date(rs.getDate("responded_on")),
                                  rs.getString("response_summary"),
                                  rs.getString("response_source"),
                                  false),
                      status == null
                          ? null
                          : new PublicCampaign.Outcome(
                              status,
                              rs.getString("sanction_measure"),
                              date(rs.getDate("sanction_decided_on")),
                              rs.getString("sanction_reference"),
                              rs.getString("sanction_source")));
              String country = rs.getString("country");
              countries
                  .computeIfAbsent(
                      rs.getString("country_code"),
                      code -> new PublicCampaign.Country(code, country, new ArrayList<>()))
                  .offices()
                  .add(office);
              return office;
            })
        .list();
    return new PublicCampaign(
        campaign.id(),
        campaign.title(),
        campaign.summary(),
        campaign.demands().stream().map(Enum::name).sorted().toList(),
        campaign.status().name(),
        campaign.publishedAt(),
        List.copyOf(countries.values()));
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
