package org.bucn.tracker.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bucn.tracker.shared.MailAddress;
import org.bucn.tracker.shared.WebLink;
import org.bucn.tracker.target.LanguageCode;
import org.bucn.tracker.target.LanguageTags;

/**
 * What an admin sets: the letterhead and the signatories by language (BCP 47 tags, spelled
 * canonically).
 */
public record OrganisationRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 400) String postalAddress,
    @MailAddress String email,
    @WebLink @Size(max = 400) String website,
    @Size(max = 30) Map<@LanguageCode String, @Valid Signatory> signatories) {

  public OrganisationRequest {
    name = clean(name);
    postalAddress = clean(postalAddress);
    email = clean(email);
    website = clean(website);
    Map<String, Signatory> canonical = new LinkedHashMap<>();
    if (signatories != null) {
      signatories.forEach(
          (language, signatory) ->
              canonical.put(LanguageTags.canonical(language).orElse(language), signatory));
    }
    signatories = canonical;
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
