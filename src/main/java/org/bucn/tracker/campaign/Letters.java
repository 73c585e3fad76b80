package org.bucn.tracker.campaign;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.infrastructure.web.LanguageChoices;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.target.Addressing;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.LanguageTags;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetForm;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's letters and their rendering with Mustache. Values are only ever inserted as text:
 * what a target's office says is never read as a template or an expression.
 */
@Service
public class Letters {

  /** The placeholders a letter may use. */
  public static final List<String> PLACEHOLDERS =
      List.of(
          "salutation",
          "honorific",
          "holderName",
          "formalTitle",
          "office",
          "country",
          "campaignTitle",
          "demands",
          "organisation");

  /**
   * What the letter's layout prints once, and a template may not: the date (above the subject) and
   * the signature block (the signatory, their title, the organisation). A template saved before
   * this rule renders them as nothing, with a note in the preview. Each is refused with its own
   * reason, {@code refusal.letter.layout.<name>}.
   */
  static final Set<String> LAYOUT_PLACEHOLDERS = Set.of("date", "signatory");

  /**
   * Values only: the basic collector reads map entries and never calls a method, so even a template
   * stored before placeholders were checked cannot run {@code {{office.getClass}}}.
   */
  private static final Mustache.Compiler MUSTACHE =
      Mustache.compiler()
          .escapeHTML(false)
          .defaultValue("")
          .withCollector(
              new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                  return new ConcurrentHashMap<>();
                }
              });

  private final JdbcClient jdbc;
  private final CampaignRepository campaigns;
  private final TargetService targets;
  private final OrganisationService organisation;
  private final Clock clock;
  private final Texts texts;
  private final Formats formats;
  private final LanguageChoices languages;

  Letters(
      JdbcClient jdbc,
      CampaignRepository campaigns,
      TargetService targets,
      OrganisationService organisation,
      Clock clock,
      Texts texts,
      Formats formats,
      LanguageChoices languages) {
    this.texts = texts;
    this.formats = formats;
    this.languages = languages;
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.targets = targets;
    this.organisation = organisation;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Letter> of(long campaignId) {
    campaign(campaignId);
    return jdbc.sql(
            """
            SELECT language, subject, body, is_default, updated_by, updated_at FROM campaign_letter
             WHERE campaign_id = ? ORDER BY is_default DESC, language
            """)
        .param(campaignId)
        .query(Letter.class)
        .list();
  }

  /**
   * Saves the letter in one language; it becomes the campaign's default only when {@code isDefault}
   * says so.
   */
  @Transactional
  public Letter save(long campaignId, String language, LetterRequest request, Actor actor) {
    campaign(campaignId);
    String tag =
        LanguageTags.canonical(language)
            .orElseThrow(() -> new InvalidFieldException("language", "refusal.languageTag"));
    compile("subject", request.subject(), true);
    compile("body", request.body(), true);
    // The default changes only when someone says so: a letter saved without it is a translation.
    boolean isDefault = Boolean.TRUE.equals(request.isDefault());
    if (isDefault) {
      jdbc.sql(
              "UPDATE campaign_letter SET is_default = false WHERE campaign_id = ? AND language <> ?")
          .params(campaignId, tag)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO campaign_letter (campaign_id, language, subject, body, is_default, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, language) DO UPDATE
               SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
                   is_default = EXCLUDED.is_default OR campaign_letter.is_default
            """)
        .params(
            campaignId,
            tag,
            request.subject().trim(),
            request.body(),
            isDefault,
            actor.username(),
            java.time.OffsetDateTime.now(clock))
        .update();
    return of(campaignId).stream().filter(l -> l.language().equals(tag)).findFirst().orElseThrow();
  }

  /** The letters of one campaign, every language as it is, become another's (a copied round). */
  @Transactional
  void copy(long fromCampaignId, long toCampaignId, Actor actor) {
    jdbc.sql(
            """
            INSERT INTO campaign_letter (campaign_id, language, subject, body, is_default, updated_by, updated_at)
            SELECT ?, language, subject, body, is_default, ?, ? FROM campaign_letter WHERE campaign_id = ?
            """)
        .params(toCampaignId, actor.username(), java.time.OffsetDateTime.now(clock), fromCampaignId)
        .update();
  }

  /**
   * Fills in the campaign's letter for each target: in the first of the office's languages the
   * campaign has a letter in (BCP 47 lookup: {@code sr-Cyrl} takes {@code sr}), else in the
   * default; addressed as the directory's form of address in that language says. Reads the letters
   * and the organisation once for all targets, each office's forms when it is rendered.
   */
  @Transactional(readOnly = true)
  public Function<Target, Optional<RenderedLetter>> renderer(CampaignTerms campaign) {
    return renderer(campaign, target -> targets.forms(target.id()));
  }

  private Function<Target, Optional<RenderedLetter>> renderer(
      CampaignTerms campaign, Function<Target, List<TargetForm>> forms) {
    List<Letter> letters = of(campaign.id());
    Organisation sender = organisation.get();
    LocalDate today = LocalDate.now(clock);
    return target -> render(campaign, letters, sender, target, forms.apply(target), today);
  }

  /**
   * The letter as a visitor of the sign-on page reads it: in {@code language} where the campaign
   * has it (BCP 47 lookup), else in the default; as it goes to the first office that gets it in
   * that language, else with the office's words left as "…". Empty when the campaign has no letter.
   */
  @Transactional(readOnly = true)
  public Optional<LetterSample> sample(long campaignId, String language) {
    Campaign campaign = campaign(campaignId);
    List<Letter> letters = of(campaignId);
    Optional<Letter> letter =
        LanguageTags.bestOf(List.of(language), letters.stream().map(Letter::language).toList())
            .flatMap(best -> letters.stream().filter(l -> l.language().equals(best)).findFirst())
            .or(() -> letters.stream().filter(Letter::isDefault).findFirst());
    if (letter.isEmpty()) {
      return Optional.empty();
    }
    Organisation sender = organisation.get();
    LocalDate today = LocalDate.now(clock);
    List<Long> tried =
        campaign.targetIds().subList(0, Math.min(campaign.targetIds().size(), SAMPLE_OFFICES));
    Map<Long, List<TargetForm>> forms = targets.formsOf(tried);
    for (Target office : targets.findAll(tried)) {
      Optional<RenderedLetter> rendered =
          render(
              campaign.terms(),
              letters,
              sender,
              office,
              forms.getOrDefault(office.id(), List.of()),
              today);
      if (rendered.isPresent() && rendered.get().language().equals(letter.get().language())) {
        return Optional.of(
            new LetterSample(
                rendered.get().language(),
                rendered.get().subject(),
                rendered.get().text().strip(),
                office.office(),
                office.countryCode(),
                office.country()));
      }
    }
    Map<String, Object> values = new HashMap<>();
    values.put("salutation", "");
    values.put("honorific", "");
    values.put("formalTitle", "…");
    values.put("office", "…");
    values.put("country", "…");
    values.put("campaignTitle", campaign.title());
    values.put("demands", DemandWords.of(campaign.terms(), letter.get().language()));
    values.put("organisation", sender.nameIn(letter.get().language()));
    return Optional.of(
        new LetterSample(
            letter.get().language(),
            compile("subject", letter.get().subject(), false).execute(values).strip(),
            compile("body", letter.get().body(), false).execute(values).strip(),
            null,
            null,
            null));
  }

  /** The offices {@link #sample} tries for one that reads the letter in the visitor's language. */
  private static final int SAMPLE_OFFICES = 25;

  /**
   * What an error of the preview means for this office's letter, in a sentence in the reader's
   * language (the office with its country, the letter's language by name); a note, by its name.
   */
  public String explain(LetterWarning code, LetterPreview letter) {
    if (!code.error()) {
      return texts.label(code);
    }
    return texts.of(
        "letterError." + code.name(),
        letter.office() + ", " + formats.country(letter.countryCode(), letter.country()),
        languages.name(letter.language()));
  }

  private Campaign campaign(long id) {
    return campaigns
        .find(id)
        .orElseThrow(() -> new org.bucn.tracker.shared.NotFoundException("campaign", id));
  }

  /**
   * Every target's letter as launching would draft it, with its warnings, in the directory's order.
   */
  @Transactional(readOnly = true)
  public List<LetterPreview> preview(long campaignId) {
    Campaign campaign = campaign(campaignId);
    // Every office's forms in one query: the campaign page previews a draft campaign of a thousand
    // offices on each view.
    Map<Long, List<TargetForm>> forms = targets.formsOf(campaign.targetIds());
    Function<Target, Optional<RenderedLetter>> renderer =
        renderer(campaign.terms(), target -> forms.getOrDefault(target.id(), List.of()));
    return targets.findAll(campaign.targetIds()).stream()
        .map(
            t ->
                renderer
                    .apply(t)
                    .map(
                        l ->
                            new LetterPreview(
                                t.id(),
                                t.countryCode(),
                                t.country(),
                                t.office(),
                                l.language(),
                                l.subject(),
                                l.text(),
                                l.warnings()))
                    .orElseGet(
                        () ->
                            new LetterPreview(
                                t.id(),
                                t.countryCode(),
                                t.country(),
                                t.office(),
                                null,
                                null,
                                null,
                                List.of(LetterWarning.NO_TEMPLATE))))
        .toList();
  }

  private static Optional<RenderedLetter> render(
      CampaignTerms campaign,
      List<Letter> letters,
      Organisation sender,
      Target target,
      List<TargetForm> forms,
      LocalDate today) {
    Optional<Letter> inOwnLanguage =
        LanguageTags.bestOf(target.languages(), letters.stream().map(Letter::language).toList())
            .flatMap(best -> letters.stream().filter(l -> l.language().equals(best)).findFirst());
    Optional<Letter> letter =
        inOwnLanguage.or(() -> letters.stream().filter(Letter::isDefault).findFirst());
    return letter.map(
        l -> {
          Addressing addressing = TargetService.addressing(target, l.language(), forms);
          List<LetterWarning> warnings = new ArrayList<>();
          if (inOwnLanguage.isEmpty()) {
            warnings.add(LetterWarning.NO_TEMPLATE_IN_LANGUAGE);
          }
          if (target.holderName() == null) {
            warnings.add(LetterWarning.HOLDER_UNKNOWN);
            if (namesTheHolder(l.subject()) || namesTheHolder(l.body())) {
              warnings.add(LetterWarning.HOLDER_NAMED_UNKNOWN);
            }
          }
          if (target.channel() == Channel.EMAIL && target.email() == null) {
            warnings.add(LetterWarning.NO_EMAIL);
          }
          if (!addressing.hasForm()) {
            warnings.add(LetterWarning.SALUTATION_MISSING);
          }
          if (usesLayoutPlaceholder(l.subject()) || usesLayoutPlaceholder(l.body())) {
            warnings.add(LetterWarning.LAYOUT_PLACEHOLDER);
          }
          Map<String, Object> values =
              values(campaign, target, addressing, sender, l.language(), today);
          String body = compile("body", l.body(), false).execute(values);
          if (scriptsDiffer(l.language(), body, addressing)) {
            warnings.add(LetterWarning.SCRIPT_MISMATCH);
          }
          return new RenderedLetter(
              l.language(),
              compile("subject", l.subject(), false).execute(values).strip(),
              body,
              List.copyOf(warnings));
        });
  }

  /**
   * The placeholders' values; an unknown holder is absent, so that a section such as
   * {{#holderName}}…{{/holderName}} drops out.
   */
  static Map<String, Object> values(
      CampaignTerms campaign,
      Target target,
      Addressing addressing,
      Organisation sender,
      String language,
      LocalDate today) {
    Map<String, Object> values = new HashMap<>();
    values.put("salutation", addressing.salutation() == null ? "" : addressing.salutation());
    values.put("honorific", addressing.honorific() == null ? "" : addressing.honorific());
    if (target.holderName() != null && !target.holderName().isBlank()) {
      values.put("holderName", target.holderName());
    }
    values.put("formalTitle", addressing.formalTitle());
    values.put("office", target.office());
    values.put("country", countryName(target, language));
    values.put("campaignTitle", campaign.title());
    values.put("demands", DemandWords.of(campaign, language));
    values.put("organisation", sender.nameIn(language));
    return values;
  }

  /**
   * The office's country as the letter's language names it (CLDR, in the JDK): "Albanija" in a
   * Serbian letter, "Србија" in a Cyrillic one. English letters, and languages CLDR has no name in,
   * take the directory's own name ("Bosnia and Herzegovina", not CLDR's "Bosnia &amp;
   * Herzegovina").
   */
  static String countryName(Target target, String language) {
    // Serbian without a script: the Latin names, as the tracker writes its Serbian reminders.
    Locale locale =
        LanguageTags.dateLocale(language.equals("sr") ? "sr-Latn" : language, target.countryCode());
    if (locale.getLanguage().equals("en")) {
      return target.country();
    }
    String name =
        new Locale.Builder().setRegion(target.countryCode()).build().getDisplayCountry(locale);
    String english =
        new Locale.Builder()
            .setRegion(target.countryCode())
            .build()
            .getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() || name.equals(target.countryCode()) || name.equals(english)
        ? target.country()
        : name;
  }

  /**
   * A date as a letter in that language to that country writes it: "28. studenoga 2026." (hr), "28
   * nëntor 2026" (sq).
   */
  public static String date(LocalDate day, String language, String countryCode) {
    return day.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(LanguageTags.dateLocale(language, countryCode)));
  }

  /**
   * A Cyrillic salutation in a Latin letter, or the reverse: the office's forms, and the text when
   * the language names its script, are in the letter's script. A language written in two scripts
   * without a subtag ({@code sr}) takes the script of its text.
   */
  static boolean scriptsDiffer(String language, String body, Addressing addressing) {
    Optional<Character.UnicodeScript> named = LetterScripts.of(language);
    Optional<Character.UnicodeScript> letter = named.or(() -> LetterScripts.dominant(body));
    if (letter.isEmpty()) {
      return false;
    }
    if (named.isPresent()
        && LetterScripts.dominant(body).filter(script -> script != letter.get()).isPresent()) {
      return true;
    }
    return java.util.stream.Stream.of(
            addressing.salutation(), addressing.honorific(), addressing.formalTitle())
        .map(LetterScripts::dominant)
        .anyMatch(form -> form.isPresent() && form.get() != letter.get());
  }

  /**
   * Whether the template prints the holder's name outside a {{#holderName}} section, which drops
   * out when nobody is known.
   */
  private static boolean namesTheHolder(String template) {
    boolean[] bare = {false};
    compile("body", template, false)
        .visit(
            new Mustache.Visitor() {
              @Override
              public void visitText(String text) {}

              @Override
              public void visitVariable(String name) {
                bare[0] |= name.equals("holderName");
              }

              @Override
              public boolean visitInclude(String name) {
                return false;
              }

              @Override
              public boolean visitSection(String name) {
                return !name.equals("holderName");
              }

              @Override
              public boolean visitInvertedSection(String name) {
                return true;
              }
            });
    return bare[0];
  }

  private static boolean usesLayoutPlaceholder(String template) {
    return LAYOUT_PLACEHOLDERS.stream()
        .anyMatch(name -> template.matches("(?s).*\\{\\{\\s*[#^/]?\\s*" + name + "\\s*}}.*"));
  }

  /**
   * Compiles a letter template; a tag that is not one of the {@link #PLACEHOLDERS} is refused
   * naming it. The layout's own ({@link #LAYOUT_PLACEHOLDERS}) are refused when a template is saved
   * ({@code saving}) and render as nothing in one stored before.
   */
  private static Template compile(String field, String template, boolean saving) {
    Template compiled;
    try {
      compiled = MUSTACHE.compile(template);
    } catch (MustacheException e) {
      throw new InvalidFieldException(field, "refusal.letter.invalidTemplate", e.getMessage());
    }
    compiled.visit(
        new Mustache.Visitor() {
          @Override
          public void visitText(String text) {}

          @Override
          public void visitVariable(String name) {
            placeholder(name);
          }

          @Override
          public boolean visitInclude(String name) {
            throw new InvalidFieldException(field, "refusal.letter.partial", "{{>" + name + "}}");
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
            if (LAYOUT_PLACEHOLDERS.contains(name)) {
              if (saving) {
                throw new InvalidFieldException(
                    field, "refusal.letter.layout." + name, "{{" + name + "}}");
              }
              return;
            }
            if (!PLACEHOLDERS.contains(name)) {
              throw new InvalidFieldException(
                  field,
                  "refusal.letter.unknownPlaceholder",
                  "{{" + name + "}}",
                  String.join(", ", PLACEHOLDERS));
            }
          }
        });
    return compiled;
  }
}
