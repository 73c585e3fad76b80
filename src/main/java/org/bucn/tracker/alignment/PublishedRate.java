package org.bucn.tracker.alignment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.bucn.tracker.shared.WebLink;

/**
 * A country's CFSP alignment rate for a year as a publisher published it (the Commission's
 * enlargement report, a research centre's annual review): never computed here, always with the
 * address it can be checked at.
 *
 * @param note what the figure covers when it is not obvious (a reporting period, a count of
 *     declarations)
 */
public record PublishedRate(
    @NotBlank @Size(min = 2, max = 2) String countryCode,
    @NotNull @Min(1990) @Max(2100) Integer year,
    @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
    @NotBlank @Size(max = 300) String publisher,
    @NotBlank @WebLink @Size(max = 500) String url,
    @Size(max = 500) String note) {

  public PublishedRate {
    countryCode =
        countryCode == null ? null : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
    publisher = publisher == null ? null : publisher.strip();
    url = url == null ? null : url.strip();
    note = note == null || note.isBlank() ? null : note.strip();
  }
}
