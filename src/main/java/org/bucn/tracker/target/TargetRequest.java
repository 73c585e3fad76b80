package org.bucn.tracker.target;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.bucn.tracker.shared.MailAddress;
import org.bucn.tracker.shared.WebLink;

/**
 * What a coordinator sends to add or change a target, from the API or the directory's form; every
 * field is checked before anything is stored. A new {@code holderName} starts a new period in the
 * office's holder history from {@code holderSince} (today when absent) and closes the previous
 * holder's. {@code language} is the office's main language (a BCP 47 tag), {@code languages} every
 * language it takes letters in.
 */
public record TargetRequest(
    @NotBlank @CountryCode String countryCode,
    @NotBlank @Size(max = 80) String country,
    @NotBlank @Size(max = 160) String office,
    @Size(max = 160) String holderName,
    @PastOrPresent LocalDate holderSince,
    @NotNull Channel channel,
    @Size(max = 400) String contact,
    @MailAddress String email,
    @Size(max = 400) String postalAddress,
    @WebLink @Size(max = 400) String website,
    @PastOrPresent LocalDate verifiedOn,
    @WebLink String source,
    @NotBlank @LanguageCode String language,
    @Size(max = 8) List<@LanguageCode String> languages) {

  /**
   * Texts trimmed, a blank one absent; the country code in capitals and the language in lower case,
   * as people type them.
   */
  public TargetRequest {
    countryCode = clean(countryCode) == null ? null : clean(countryCode).toUpperCase(Locale.ROOT);
    country = clean(country);
    office = clean(office);
    holderName = clean(holderName);
    contact = clean(contact);
    email = clean(email);
    postalAddress = clean(postalAddress);
    website = clean(website);
    source = clean(source);
    language =
        clean(language) == null
            ? null
            : LanguageTags.canonical(clean(language)).orElse(clean(language));
    languages = languages(language, languages);
  }

  /**
   * An office's own languages, canonical, its main one first; an office that names none has its
   * main one only.
   */
  private static List<String> languages(String language, List<String> languages) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    if (language != null) {
      all.add(language);
    }
    if (languages != null) {
      languages.stream()
          .map(TargetRequest::clean)
          .filter(java.util.Objects::nonNull)
          .map(l -> LanguageTags.canonical(l).orElse(l))
          .forEach(all::add);
    }
    return List.copyOf(all);
  }

  /** The same office in its main language only (as most are). */
  public TargetRequest(
      String countryCode,
      String country,
      String office,
      String holderName,
      LocalDate holderSince,
      Channel channel,
      String contact,
      String email,
      String postalAddress,
      String website,
      LocalDate verifiedOn,
      String source,
      String language) {
    this(
        countryCode,
        country,
        office,
        holderName,
        holderSince,
        channel,
        contact,
        email,
        postalAddress,
        website,
        verifiedOn,
        source,
        language,
        null);
  }

  /** An empty form for a new office; most offices take e-mail. */
  static TargetRequest blank() {
    return new TargetRequest(
        null, null, null, null, null, Channel.EMAIL, null, null, null, null, null, null, null);
  }

  static TargetRequest of(Target t) {
    return new TargetRequest(
        t.countryCode(),
        t.country(),
        t.office(),
        t.holderName(),
        t.holderSince(),
        t.channel(),
        t.contact(),
        t.email(),
        t.postalAddress(),
        t.website(),
        t.verifiedOn(),
        t.source(),
        t.language(),
        t.languages());
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
