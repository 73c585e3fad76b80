package org.bucn.tracker.cosigning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bucn.tracker.shared.MailAddress;
import org.bucn.tracker.shared.WebLink;
import org.bucn.tracker.target.CountryCode;

/**
 * A signatory as a coordinator writes it: a correction ({@code PUT
 * /api/campaigns/{id}/signatories/{signatoryId}}; the e-mail stays as confirmed) or a row of an
 * import (its e-mail optional).
 */
public record SignatoryEdit(
    @Size(max = 200) String organisation,
    @CountryCode String country,
    @WebLink @Size(max = 500) String website,
    @NotBlank @Size(max = 160) String name,
    @Size(max = 200) String title,
    @MailAddress String email,
    Boolean listPublicly) {

  public SignatoryEdit {
    organisation = SignatureForm.blankToNull(organisation);
    country =
        SignatureForm.blankToNull(country) == null
            ? null
            : country.strip().toUpperCase(java.util.Locale.ROOT);
    website = SignatureForm.blankToNull(website);
    name = name == null ? null : name.strip();
    title = SignatureForm.blankToNull(title);
    email = SignatureForm.blankToNull(email);
  }
}
