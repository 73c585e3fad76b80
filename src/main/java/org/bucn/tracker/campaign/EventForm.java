package org.bucn.tracker.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import org.bucn.tracker.shared.WebLink;
import org.springframework.format.annotation.DateTimeFormat;

/** The calendar page's "Record an event" form, as typed: territories one line or comma apart. */
record EventForm(
    @NotBlank @Size(max = 300) String title,
    @NotNull EventKind kind,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
    @Size(max = 6000) String territories,
    @WebLink @Size(max = 2000) String source) {

  static EventForm blank() {
    return new EventForm(null, EventKind.SHAM_ELECTION, null, null, null);
  }

  EventRequest toRequest() {
    return new EventRequest(
        title,
        kind,
        date,
        territories == null
            ? null
            : Arrays.stream(territories.split("[,\\n]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList(),
        source);
  }
}
