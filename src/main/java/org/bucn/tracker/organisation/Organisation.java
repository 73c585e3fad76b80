package org.bucn.tracker.organisation;

import java.util.Map;
import java.util.Optional;
import org.bucn.tracker.target.LanguageTags;

/** The sender of every letter; {@code signatories} by BCP 47 language tag. */
public record Organisation(
    String name,
    String postalAddress,
    String email,
    String website,
    boolean hasLogo,
    Map<String, Signatory> signatories) {

  /**
   * Who signs a letter in {@code language}: the closest language with a signatory, else English,
   * else any.
   */
  public Optional<Signatory> signatory(String language) {
    return LanguageTags.bestOf(java.util.List.of(language, "en"), signatories.keySet())
        .map(signatories::get)
        .or(() -> signatories.values().stream().findFirst());
  }

  /**
   * The organisation's name as a letter in {@code language} gives it: that signatory's, else the
   * letterhead's.
   */
  public String nameIn(String language) {
    return signatory(language).map(Signatory::organisation).orElse(name);
  }
}
