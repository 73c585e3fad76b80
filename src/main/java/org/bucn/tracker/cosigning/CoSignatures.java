package org.bucn.tracker.cosigning;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignLaunched;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignStatus;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.Hashes;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The co-signatures of campaigns' letters: signing (a mail to confirm, valid {@link
 * #CONFIRM_WITHIN}), confirming, withdrawing, the coordinators' moderation, and the list the
 * letters and the public page show. A signature counts when its address confirmed it and a
 * coordinator approved it (an imported one is both at once); a later confirmed signature from the
 * same address replaces the earlier; one organisation counts once however many of its people sign.
 * At launch the sign-on closes and the list freezes: a withdrawal after that takes the name off the
 * public list, not off letters that carry it.
 */
@Service
public class CoSignatures {

  static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

  private static final String COLUMNS =
      """
      s.id, s.organisation, s.country, s.website, s.name, s.title, s.email, s.list_publicly, s.language,
      s.source, s.created_at, s.confirm_by, s.confirmed_at, s.decision, s.decided_by, s.decided_at,
      s.reject_reason, s.withdrawn_at, s.merged_into, s.erased_at
      """;

  private final JdbcClient jdbc;
  private final CampaignService campaigns;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Texts texts;
  private final TrackerProperties properties;
  private final Clock clock;
  private final Formats formats;
  private final SecureRandom random = new SecureRandom();

  CoSignatures(
      JdbcClient jdbc,
      CampaignService campaigns,
      org.springframework.context.ApplicationEventPublisher events,
      Texts texts,
      TrackerProperties properties,
      Clock clock,
      Formats formats) {
    this.formats = formats;
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.events = events;
    this.texts = texts;
    this.properties = properties;
    this.clock = clock;
  }

  // --- the sign-on --------------------------------------------------------------------------

  /** Opens (or reopens) a draft campaign's sign-on, until {@code closesAt} or the launch. */
  @Transactional
  public SignOn open(long campaignId, OffsetDateTime closesAt, Actor actor) {
    Campaign campaign = campaigns.get(campaignId);
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(null, "refusal.signOn.launched", campaign.title());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (closesAt != null && !closesAt.isAfter(now)) {
      throw new InvalidFieldException("closesAt", "refusal.signOn.closesInPast");
    }
    jdbc.sql(
            """
            INSERT INTO sign_on (campaign_id, opened_by, opened_at, closes_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign_id) DO UPDATE
               SET opened_by = EXCLUDED.opened_by, opened_at = EXCLUDED.opened_at,
                   closes_at = EXCLUDED.closes_at, closed_at = NULL
            """)
        .params(campaignId, actor.username(), now, closesAt)
        .update();
    return signOn(campaignId).orElseThrow();
  }

  /**
   * Closes a sign-on before its time: nobody signs any more; the moderation goes on until launch.
   */
  @Transactional
  public SignOn close(long campaignId, Actor actor) {
    campaigns.get(campaignId);
    jdbc.sql("UPDATE sign_on SET closed_at = ? WHERE campaign_id = ? AND closed_at IS NULL")
        .params(OffsetDateTime.now(clock), campaignId)
        .update();
    return signOn(campaignId).orElseThrow(() -> new NotFoundException("signOn", campaignId));
  }

  /**
   * The launch closes the sign-on, in the launch's transaction: the letters carry the list as it
   * is.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeAtLaunch(CampaignLaunched launched) {
    jdbc.sql("UPDATE sign_on SET closed_at = ? WHERE campaign_id = ? AND closed_at IS NULL")
        .params(OffsetDateTime.now(clock), launched.campaignId())
        .update();
  }

  /** A row of {@code sign_on}. */
  private record SignOnRow(
      String openedBy, OffsetDateTime openedAt, OffsetDateTime closesAt, OffsetDateTime closedAt) {

    boolean openAt(OffsetDateTime now) {
      return closedAt == null && (closesAt == null || closesAt.isAfter(now));
    }
  }

  private Optional<SignOnRow> row(long campaignId) {
    return jdbc.sql(
            "SELECT opened_by, opened_at, closes_at, closed_at FROM sign_on WHERE campaign_id = ?")
        .param(campaignId)
        .query(SignOnRow.class)
        .optional();
  }

  /**
   * A signature (as {@code s}) whose address confirmed it and on which no coordinator has decided:
   * the state {@code AWAITING_APPROVAL} of {@link #row(ResultSet)}.
   */
  private static final String AWAITING_APPROVAL =
      " s.confirmed_at IS NOT NULL AND s.decision IS NULL AND s.merged_into IS NULL"
          + " AND s.withdrawn_at IS NULL ";

  @Transactional(readOnly = true)
  public Optional<SignOn> signOn(long campaignId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return row(campaignId)
        .map(
            row -> {
              CoSigners signers = signers(campaignId);
              int waiting =
                  jdbc.sql(
                          """
                          SELECT count(*) FROM co_signature s WHERE s.campaign_id = ? AND
                          """
                              + AWAITING_APPROVAL)
                      .param(campaignId)
                      .query(Integer.class)
                      .single();
              return new SignOn(
                  campaignId,
                  row.openAt(now),
                  row.openedBy(),
                  row.openedAt(),
                  row.closesAt(),
                  row.closedAt(),
                  signers.organisations().size(),
                  signers.individualCount(),
                  waiting,
                  properties.link("/public/campaigns/" + campaignId + "/sign"));
            });
  }

  /**
   * Draft campaigns with confirmed signatures no coordinator has decided on yet, those waiting
   * longest first: what the coordinators' start page lists.
   */
  @Transactional(readOnly = true)
  public List<AwaitingApproval> awaitingApproval() {
    return jdbc.sql(
            """
            SELECT s.campaign_id, c.title, count(*) AS signatures
              FROM co_signature s JOIN campaign_directory c ON c.id = s.campaign_id
             WHERE c.status = 'DRAFT' AND
            """
                + AWAITING_APPROVAL
                + " GROUP BY s.campaign_id, c.title ORDER BY min(s.confirmed_at), s.campaign_id")
        .query(
            (rs, n) ->
                new AwaitingApproval(
                    rs.getLong("campaign_id"),
                    rs.getString("title"),
                    rs.getLong("signatures"),
                    "/campaigns/"
                        + rs.getLong("campaign_id")
                        + "/signatories?status=AWAITING_APPROVAL"))
        .list();
  }

  /** A draft campaign's signatures waiting for a coordinator, and the page that approves them. */
  public record AwaitingApproval(long campaignId, String title, long signatures, String url) {}

  /** A signature may be made: the sign-on is open and the campaign not launched (the row only). */
  private void openSignOn(long campaignId) {
    SignOnRow signOn =
        row(campaignId).orElseThrow(() -> new NotFoundException("signOn", campaignId));
    if (!signOn.openAt(OffsetDateTime.now(clock))
        || campaigns.get(campaignId).status() != CampaignStatus.DRAFT) {
      throw new ConflictException(null, "refusal.signOn.closed");
    }
  }

  // --- signing -------------------------------------------------------------------------------

  /**
   * A signature from the public page: kept, not counted, until the link mailed to its address is
   * followed. The mail is in the language the page was read in.
   */
  @Transactional
  public OffsetDateTime sign(long campaignId, SignatureForm form, Locale language) {
    openSignOn(campaignId);
    if (form.organisation() != null && form.country() == null) {
      throw new InvalidFieldException("country", "refusal.signature.countryOfOrganisation");
    }
    Campaign campaign = campaigns.get(campaignId);
    String token = token();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime confirmBy = now.plus(CONFIRM_WITHIN);
    String tag = InterfaceLanguage.closest(language).orElse(InterfaceLanguage.EN).tag();
    jdbc.sql(
            """
            INSERT INTO co_signature (campaign_id, organisation, country, website, name, title, email, list_publicly,
                                      language, created_at, confirm_token_hash, confirm_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            campaignId,
            form.organisation(),
            form.country(),
            form.website(),
            form.name(),
            form.title(),
            form.email(),
            form.listed(),
            tag,
            now,
            Hashes.sha256(token),
            confirmBy)
        .update();
    Locale in = InterfaceLanguage.ofTag(tag).orElse(InterfaceLanguage.EN).locale();
    mail(
        form.email(),
        texts.in(in, "signature.mail.confirmSubject", campaign.title()),
        texts.in(
            in,
            "signature.mail.confirm",
            form.name(),
            campaign.title(),
            properties.link("/public/signatures/" + token),
            formats.date(
                confirmBy.atZoneSameInstant(InterfaceLanguage.DEFAULT_ZONE).toLocalDate(), in)));
    return confirmBy;
  }

  /** What a link from a mail leads to: the signature's campaign and state. */
  public record Signature(long id, long campaignId, String campaignTitle, String status) {}

  /** The signature a confirmation link names, as the page before the button shows it. */
  @Transactional(readOnly = true)
  public Signature byConfirmation(String token) {
    return byToken("confirm_token_hash", token);
  }

  @Transactional(readOnly = true)
  public Signature byWithdrawal(String token) {
    return byToken("withdraw_token_hash", token);
  }

  private Signature byToken(String column, String token) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", s.campaign_id FROM co_signature s WHERE s."
                + column
                + " = ? AND s.erased_at IS NULL")
        .param(Hashes.sha256(token == null ? "" : token))
        .query(
            (rs, n) -> {
              CoSignature s = row(rs);
              long campaignId = rs.getLong("campaign_id");
              return new Signature(
                  s.id(), campaignId, campaigns.get(campaignId).title(), s.status());
            })
        .optional()
        .orElseThrow(() -> new NotFoundException("signature"));
  }

  /** The signature being confirmed, its row locked. */
  private record Confirming(
      String email,
      String name,
      String language,
      OffsetDateTime confirmBy,
      OffsetDateTime confirmedAt) {}

  /**
   * The mailed link followed: the signature is confirmed (once; again is no change), replaces an
   * earlier one from the same address, and a mail with the link to withdraw goes to the signer.
   */
  @Transactional
  public Signature confirm(String token) {
    Signature signature = byConfirmation(token);
    Confirming row =
        jdbc.sql(
                """
                SELECT email, name, language, confirm_by, confirmed_at FROM co_signature
                 WHERE id = ? FOR NO KEY UPDATE
                """)
            .param(signature.id())
            .query(Confirming.class)
            .single();
    if (row.confirmedAt() != null) {
      return signature;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (now.isAfter(row.confirmBy())) {
      throw new ConflictException(null, "refusal.signature.linkExpired");
    }
    // Signed while the sign-on was open: the address may confirm it until the letters go out.
    if (campaigns.get(signature.campaignId()).status() != CampaignStatus.DRAFT) {
      throw new ConflictException(null, "refusal.signOn.closed");
    }
    String withdrawal = token();
    jdbc.sql("UPDATE co_signature SET confirmed_at = ?, withdraw_token_hash = ? WHERE id = ?")
        .params(now, Hashes.sha256(withdrawal), signature.id())
        .update();
    String email = row.email();
    jdbc.sql(
            """
            UPDATE co_signature SET merged_into = ?
             WHERE campaign_id = ? AND lower(email) = lower(?) AND id <> ? AND merged_into IS NULL
               AND erased_at IS NULL
            """)
        .params(signature.id(), signature.campaignId(), email, signature.id())
        .update();
    Locale in = InterfaceLanguage.ofTag(row.language()).orElse(InterfaceLanguage.EN).locale();
    mail(
        email,
        texts.in(in, "signature.mail.confirmedSubject", signature.campaignTitle()),
        texts.in(
            in,
            "signature.mail.confirmed",
            row.name(),
            signature.campaignTitle(),
            properties.link("/public/signatures/" + withdrawal + "/withdrawal")));
    return byConfirmation(token);
  }

  /**
   * The signer takes their signature back. Before the launch it no longer counts anywhere; after
   * it, the letters have gone with it, so it only leaves the public list ({@code true}: removed
   * from the letters too).
   */
  @Transactional
  public boolean withdraw(String token) {
    Signature signature = byWithdrawal(token);
    jdbc.sql("UPDATE co_signature SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL")
        .params(OffsetDateTime.now(clock), signature.id())
        .update();
    return campaigns.get(signature.campaignId()).status() == CampaignStatus.DRAFT;
  }

  // --- the coordinators' moderation --------------------------------------------------------

  @Transactional(readOnly = true)
  public List<CoSignature> all(long campaignId) {
    campaigns.get(campaignId);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM co_signature s WHERE s.campaign_id = ? ORDER BY s.created_at DESC, s.id DESC")
        .param(campaignId)
        .query((rs, n) -> row(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public CoSignature get(long campaignId, long id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM co_signature s WHERE s.campaign_id = ? AND s.id = ?")
        .params(campaignId, id)
        .query((rs, n) -> row(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("signatory", campaignId, id));
  }

  /** Approves or rejects (with a reason) a signature; until the launch, a decision may change. */
  @Transactional
  public CoSignature decide(long campaignId, long id, Decision decision, Actor actor) {
    beforeLaunch(campaignId);
    record(campaignId, get(campaignId, id), decision, actor);
    return get(campaignId, id);
  }

  /** Records a checked decision on a signature that can still take one. */
  private void record(long campaignId, CoSignature signature, Decision decision, Actor actor) {
    if (decision.approved() == null) {
      throw new InvalidFieldException("decision", "refusal.signature.decision");
    }
    if (!decision.approved() && (decision.reason() == null || decision.reason().isBlank())) {
      throw new InvalidFieldException("reason", "refusal.signature.rejectReason");
    }
    if (signature.mergedInto() != null || signature.withdrawnAt() != null) {
      throw new ConflictException(null, "refusal.signature.notCurrent", signature.status());
    }
    jdbc.sql(
            """
            UPDATE co_signature SET decision = ?, decided_by = ?, decided_at = ?, reject_reason = ?
             WHERE id = ? AND campaign_id = ?
            """)
        .params(
            decision.approved() ? "APPROVED" : "REJECTED",
            actor.username(),
            OffsetDateTime.now(clock),
            decision.approved() ? null : decision.reason().strip(),
            signature.id(),
            campaignId)
        .update();
  }

  /** {@code approved}: true approves, false rejects with {@code reason}. */
  public record Decision(Boolean approved, String reason) {}

  /** The most signatures one decision takes at once. */
  public static final int MOST_DECIDED_AT_ONCE = 1000;

  /**
   * One decision on the signatures a coordinator had before them (a page of those awaiting
   * approval): all of them or, when one cannot take it (merged, withdrawn, another campaign's),
   * none and the refusal names it. Signatures that came in after the page was read are not touched.
   */
  @Transactional
  public int decideAll(long campaignId, List<Long> ids, Decision decision, Actor actor) {
    if (ids == null
        || ids.isEmpty()
        || ids.size() > MOST_DECIDED_AT_ONCE
        || ids.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidFieldException("ids", "refusal.signature.ids", MOST_DECIDED_AT_ONCE);
    }
    beforeLaunch(campaignId);
    Set<Long> distinct = new LinkedHashSet<>(ids);
    distinct.forEach(id -> record(campaignId, get(campaignId, id), decision, actor));
    return distinct.size();
  }

  /** Several signatures and the one decision on them. */
  public record Decisions(List<Long> ids, Boolean approved, String reason) {}

  /** A coordinator corrects a typo: the signature keeps its confirmation and its decision. */
  @Transactional
  public CoSignature edit(long campaignId, long id, SignatoryEdit edit, Actor actor) {
    beforeLaunch(campaignId);
    get(campaignId, id);
    if (edit.organisation() != null && edit.country() == null) {
      throw new InvalidFieldException("country", "refusal.signature.countryOfOrganisation");
    }
    jdbc.sql(
            """
            UPDATE co_signature SET organisation = ?, country = ?, website = ?, name = ?, title = ?,
                   list_publicly = ?, edited_by = ?, edited_at = ?
             WHERE id = ? AND erased_at IS NULL
            """)
        .params(
            edit.organisation(),
            edit.country(),
            edit.website(),
            edit.name(),
            edit.title(),
            Boolean.TRUE.equals(edit.listPublicly()),
            actor.username(),
            OffsetDateTime.now(clock),
            id)
        .update();
    return get(campaignId, id);
  }

  /**
   * Organisations and people who signed by other means (a letter, a meeting), from a CSV with its
   * source: each counts at once; a row whose e-mail already signed replaces that signature.
   */
  @Transactional
  public Imported importRows(
      long campaignId, List<SignatoryEdit> rows, String source, Actor actor) {
    beforeLaunch(campaignId);
    if (source == null || source.isBlank()) {
      throw new InvalidFieldException("source", "refusal.signature.source");
    }
    if (source.strip().length() > 300) {
      throw new InvalidFieldException("source", "refusal.signature.sourceTooLong", 300);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    int merged = 0;
    for (SignatoryEdit row : rows) {
      long id =
          jdbc.sql(
                  """
                  INSERT INTO co_signature (campaign_id, organisation, country, website, name, title, email,
                                            list_publicly, source, created_at, confirmed_at, decision, decided_by,
                                            decided_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?) RETURNING id
                  """)
              .params(
                  campaignId,
                  row.organisation(),
                  row.country(),
                  row.website(),
                  row.name(),
                  row.title(),
                  row.email(),
                  Boolean.TRUE.equals(row.listPublicly()),
                  source.strip(),
                  now,
                  now,
                  actor.username(),
                  now)
              .query(Long.class)
              .single();
      if (row.email() != null) {
        merged +=
            jdbc.sql(
                    """
                    UPDATE co_signature SET merged_into = ?
                     WHERE campaign_id = ? AND lower(email) = lower(?) AND id <> ? AND merged_into IS NULL
                       AND erased_at IS NULL
                    """)
                .params(id, campaignId, row.email(), id)
                .update();
      }
    }
    return new Imported(rows.size(), merged);
  }

  /** {@code merged}: earlier signatures the imported rows replaced (the same e-mail). */
  public record Imported(int imported, int merged) {}

  private void beforeLaunch(long campaignId) {
    var campaign = campaigns.terms(campaignId);
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw new ConflictException(null, "refusal.signatures.launched", campaign.title());
    }
  }

  // --- what counts ---------------------------------------------------------------------------

  /**
   * Who co-signs the letters: approved, confirmed, current signatures; after the launch, as they
   * were at the launch (a later withdrawal does not take a name off letters already sent). An
   * individual whose data was erased is an unnamed one.
   */
  @Transactional(readOnly = true)
  public CoSigners signers(long campaignId) {
    Map<String, CoSigners.Organisation> organisations = new LinkedHashMap<>();
    List<CoSigners.Person> individuals = new ArrayList<>();
    int[] unnamed = {0};
    jdbc.sql(
            """
            SELECT organisation, country, name, title, erased_at FROM co_signature
             WHERE campaign_id = ? AND confirmed_at IS NOT NULL AND decision = 'APPROVED'
               AND merged_into IS NULL
               AND (withdrawn_at IS NULL OR withdrawn_at > ?::timestamptz)
             ORDER BY id
            """)
        .params(campaignId, campaigns.terms(campaignId).launchedAt())
        .query(
            rs -> {
              String organisation = rs.getString("organisation");
              if (organisation != null) {
                String key =
                    organisation.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                        + "|"
                        + rs.getString("country");
                organisations.putIfAbsent(
                    key, new CoSigners.Organisation(organisation, rs.getString("country")));
              } else if (rs.getObject("erased_at") != null || rs.getString("name") == null) {
                unnamed[0]++;
              } else {
                individuals.add(new CoSigners.Person(rs.getString("name"), rs.getString("title")));
              }
            });
    return new CoSigners(List.copyOf(organisations.values()), individuals, unnamed[0]);
  }

  /** The sign-on as the public page and API show it: counts, and the names listed by consent. */
  @Transactional(readOnly = true)
  public PublicSignatories publicList(long campaignId) {
    SignOn signOn =
        signOn(campaignId).orElseThrow(() -> new NotFoundException("signOn", campaignId));
    Campaign campaign = campaigns.get(campaignId);
    List<PublicSignatories.Listed> listed =
        jdbc.sql(
                """
                SELECT organisation, country, website, name, title FROM co_signature
                 WHERE campaign_id = ? AND confirmed_at IS NOT NULL AND decision = 'APPROVED'
                   AND merged_into IS NULL AND withdrawn_at IS NULL AND erased_at IS NULL AND list_publicly
                 ORDER BY organisation IS NULL, country, lower(organisation), lower(name)
                """)
            .param(campaignId)
            .query(PublicSignatories.Listed.class)
            .list();
    return new PublicSignatories(
        campaignId,
        campaign.title(),
        signOn.open() && campaign.status() == CampaignStatus.DRAFT,
        signOn.closesAt(),
        signOn.organisations(),
        signOn.individuals(),
        listed);
  }

  // --- privacy -------------------------------------------------------------------------------

  /** Everything kept about the signer with this address, in every campaign. */
  @Transactional(readOnly = true)
  public List<SignerRecord> export(String email) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", s.campaign_id FROM co_signature s WHERE lower(s.email) = lower(?) ORDER BY s.id")
        .param(email.strip())
        .query(
            (rs, n) -> {
              long campaignId = rs.getLong("campaign_id");
              return new SignerRecord(campaignId, campaigns.get(campaignId).title(), row(rs));
            })
        .list();
  }

  /** One signature of the signer, with the campaign it signed. */
  public record SignerRecord(long campaignId, String campaignTitle, CoSignature signature) {}

  /**
   * Erases the signer's personal data (name, title, e-mail, and the website of a person) in every
   * campaign: the signatures stay as they were counted, an individual now "an individual who asked
   * not to be named", an organisation still named. Letters already sent keep what they carried.
   */
  @Transactional
  public int erase(String email, Actor actor) {
    return jdbc.sql(
            """
            UPDATE co_signature
               SET name = NULL, title = NULL, email = NULL, list_publicly = false,
                   website = CASE WHEN organisation IS NULL THEN NULL ELSE website END,
                   confirm_token_hash = NULL, withdraw_token_hash = NULL,
                   erased_at = ?, edited_by = ?, edited_at = ?
             WHERE lower(email) = lower(?)
            """)
        .params(
            OffsetDateTime.now(clock), actor.username(), OffsetDateTime.now(clock), email.strip())
        .update();
  }

  /**
   * Signatures never confirmed are deleted once their link has expired: an address someone else
   * typed is not kept. Every hour, on every node (the deletion is the same whoever runs it).
   */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelayString = "PT1H",
      initialDelayString = "PT5M")
  @Transactional
  public int forgetUnconfirmed() {
    return jdbc.sql(
            "DELETE FROM co_signature WHERE confirmed_at IS NULL AND confirm_by < ? AND source IS NULL")
        .param(OffsetDateTime.now(clock))
        .update();
  }

  // --- rows ------------------------------------------------------------------------------------

  private CoSignature row(ResultSet rs) throws SQLException {
    OffsetDateTime confirmedAt = rs.getObject("confirmed_at", OffsetDateTime.class);
    OffsetDateTime confirmBy = rs.getObject("confirm_by", OffsetDateTime.class);
    OffsetDateTime withdrawnAt = rs.getObject("withdrawn_at", OffsetDateTime.class);
    Long mergedInto = rs.getObject("merged_into", Long.class);
    String decision = rs.getString("decision");
    String status;
    if (mergedInto != null) {
      status = "MERGED";
    } else if (withdrawnAt != null) {
      status = "WITHDRAWN";
    } else if (confirmedAt == null) {
      status =
          confirmBy != null && confirmBy.isBefore(OffsetDateTime.now(clock))
              ? "EXPIRED"
              : "AWAITING_CONFIRMATION";
    } else {
      status = decision == null ? "AWAITING_APPROVAL" : decision;
    }
    String organisation = rs.getString("organisation");
    return new CoSignature(
        rs.getLong("id"),
        organisation == null ? CoSignature.INDIVIDUAL : CoSignature.ORGANISATION,
        organisation,
        rs.getString("country"),
        rs.getString("website"),
        rs.getString("name"),
        rs.getString("title"),
        rs.getString("email"),
        rs.getBoolean("list_publicly"),
        rs.getString("language"),
        rs.getString("source"),
        status,
        rs.getObject("created_at", OffsetDateTime.class),
        confirmedAt,
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("reject_reason"),
        withdrawnAt,
        mergedInto,
        rs.getObject("erased_at") != null);
  }

  private void mail(String to, String subject, String body) {
    events.publishEvent(new SignerMail(to, subject, body));
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
