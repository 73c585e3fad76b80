package org.bucn.tracker.alignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.bucn.tracker.shared.WebLink;

/** A Council decision or High Representative declaration, as a coordinator records it. */
public record ActRequest(
    @NotBlank @Size(max = 120) String reference,
    @NotNull @PastOrPresent LocalDate date,
    @NotBlank @Size(max = 500) String title,
    @WebLink @Size(max = 500) String url,
    @Size(max = 200) String topic) {

  public ActRequest {
    reference = reference == null ? null : reference.strip();
    title = title == null ? null : title.strip();
    url = url == null || url.isBlank() ? null : url.strip();
    topic = topic == null || topic.isBlank() ? null : topic.strip();
  }
}
