package org.bucn.tracker.campaign;

import java.time.Clock;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.target.LanguageCode;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.user.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's letters and their rendering with Mustache. Values are only ever inserted as
 * text: what a target's office says is never read as a template or an expression.
 */
@Service
public class Letters {

  /** The placeholders a letter may use. */
  public static final List<String> PLACEHOLDERS = List.of("office", "holderName", "country", "campaignTitle", "demands", "date");

  /**
   * Values only: the basic collector reads map entries and never calls a method, so even a
   * template stored before placeholders were checked cannot run {@code {{office.getClass}}}.
   */
  private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("")
      .withCollector(new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
          return new ConcurrentHashMap<>();
        }
      });
  private static final LanguageCode.Validator LANGUAGES = new LanguageCode.Validator();

  private final JdbcClient jdbc;
  private final CampaignService campaigns;
  private final Clock clock;

  Letters(JdbcClient jdbc, CampaignService campaigns, Clock clock) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Letter> of(long campaignId) {
    campaigns.get(campaignId);
    return jdbc.sql(
            """
            SELECT language, subject, body, is_default, updated_by, updated_at FROM campaign_letter
             WHERE campaign_id = ? ORDER BY is_default DESC, language
            """)
        .param(campaignId)
        .query(Letter.class)
        .list();
  }

  /** Saves the letter in one language; the first letter of a campaign becomes its default. */
  @Transactional
  public Letter save(long campaignId, String language, LetterRequest request, Actor actor) {
    campaigns.get(campaignId);
    if (language == null || !LANGUAGES.isValid(language, null) || language.isBlank()) {
      throw new InvalidFieldException("language", "must be an ISO 639-1 language code such as en, sr or sq");
    }
    compile("subject", request.subject());
    compile("body", request.body());
    boolean first = jdbc.sql("SELECT count(*) FROM campaign_letter WHERE campaign_id = ?").param(campaignId).query(Long.class).single() == 0;
    boolean isDefault = first || Boolean.TRUE.equals(request.isDefault());
    if (isDefault) {
      jdbc.sql("UPDATE campaign_letter SET is_default = false WHERE campaign_id = ? AND language <> ?").params(campaignId, language).update();
    }
    jdbc.sql(
            """
            INSERT INTO campaign_letter (campaign_id, language, subject, body, is_default, updated_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, language) DO UPDATE
               SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now(),
                   is_default = EXCLUDED.is_default OR campaign_letter.is_default
            """)
        .params(campaignId, language, request.subject().trim(), request.body(), isDefault, actor.username())
        .update();
    return of(campaignId).stream().filter(l -> l.language().equals(language)).findFirst().orElseThrow();
  }

  /**
   * Fills in the campaign's letter for each target: in the target's language if translated, else
   * in the default language. Reads the letters once for all targets.
   */
  @Transactional(readOnly = true)
  public java.util.function.Function<Target, Optional<RenderedLetter>> renderer(Campaign campaign) {
    List<Letter> letters = of(campaign.id());
    LocalDate today = LocalDate.now(clock);
    return target -> render(campaign, letters, target, today);
  }

  private static Optional<RenderedLetter> render(Campaign campaign, List<Letter> letters, Target target, LocalDate today) {
    Optional<Letter> letter = letters.stream().filter(l -> l.language().equals(target.language())).findFirst()
        .or(() -> letters.stream().filter(Letter::isDefault).findFirst());
    return letter.map(l -> {
      Map<String, Object> values = values(campaign, target, today);
      return new RenderedLetter(l.language(), compile("subject", l.subject()).execute(values), compile("body", l.body()).execute(values));
    });
  }

  static Map<String, Object> values(Campaign campaign, Target target, LocalDate today) {
    return Map.of(
        "office", target.office(),
        "holderName", target.holderName() == null || target.holderName().isBlank() ? target.office() : target.holderName(),
        "country", target.country(),
        "campaignTitle", campaign.title(),
        "demands", demands(campaign),
        "date", today.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
  }

  static String demands(Campaign campaign) {
    List<String> words = campaign.demands().stream().sorted()
        .map(d -> switch (d) {
          case CONDEMNATION -> "condemnation";
          case NON_RECOGNITION -> "non-recognition";
          case SANCTIONS -> "sanctions";
          case CRIMINAL_ACCOUNTABILITY -> "criminal accountability";
        })
        .toList();
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }

  /** Compiles a letter template; a tag that is not one of the {@link #PLACEHOLDERS} is refused naming it. */
  private static Template compile(String field, String template) {
    Template compiled;
    try {
      compiled = MUSTACHE.compile(template);
    } catch (MustacheException e) {
      throw new InvalidFieldException(field, "is not a valid letter template: " + e.getMessage());
    }
    compiled.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String name) {
        placeholder(name);
      }

      @Override
      public boolean visitInclude(String name) {
        throw new InvalidFieldException(field, "may not include other templates ({{>" + name + "}})");
      }

      @Override
      public boolean visitSection(String name) {
        placeholder(name);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        placeholder(name);
        return true;
      }

      private void placeholder(String name) {
        if (!PLACEHOLDERS.contains(name)) {
          throw new InvalidFieldException(field, "uses {{" + name + "}}, which is not a placeholder; use " + PLACEHOLDERS);
        }
      }
    });
    return compiled;
  }
}
