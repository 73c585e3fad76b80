package org.bucn.tracker.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.bucn.tracker.shared.WebLink;

/** A new event as a coordinator records it; {@code source} is where it can be checked. */
public record EventRequest(
    @NotBlank @Size(max = 300) String title,
    @NotNull EventKind kind,
    @NotNull LocalDate date,
    @Size(max = 30) List<@NotBlank @Size(max = 200) String> territories,
    @WebLink @Size(max = 2000) String source) {

  /** No territories: none named; blank source: none. */
  public EventRequest {
    territories =
        territories == null ? List.of() : territories.stream().map(String::strip).toList();
    source = source == null || source.isBlank() ? null : source.strip();
  }
}
