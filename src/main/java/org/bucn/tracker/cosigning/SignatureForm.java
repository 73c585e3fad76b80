package org.bucn.tracker.cosigning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bucn.tracker.shared.MailAddress;
import org.bucn.tracker.shared.WebLink;
import org.bucn.tracker.target.CountryCode;

/**
 * A signature as the sign-on page's form or {@code POST /public/api/campaigns/{id}/signatures}
 * sends it: an organisation signs when {@code organisation} is given (its country then too), a
 * person otherwise. {@code formToken} is the page's time-stamped token ({@code GET
 * /public/api/campaigns/{id}/sign-on} gives one to scripts).
 */
public record SignatureForm(
    @Size(max = 200) String organisation,
    @CountryCode String country,
    @WebLink @Size(max = 500) String website,
    @NotBlank @Size(max = 160) String name,
    @Size(max = 200) String title,
    @NotBlank @MailAddress String email,
    Boolean listPublicly,
    @NotBlank @Size(max = 200) String formToken) {

  public SignatureForm {
    organisation = blankToNull(organisation);
    country =
        blankToNull(country) == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
    website = blankToNull(website);
    name = name == null ? null : name.strip();
    title = blankToNull(title);
    email = email == null ? null : email.strip();
  }

  static SignatureForm blank(String formToken) {
    return new SignatureForm(null, null, null, null, null, null, false, formToken);
  }

  boolean listed() {
    return Boolean.TRUE.equals(listPublicly);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
