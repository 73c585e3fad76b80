package org.bucn.tracker.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who signs letters in one language, and their title in that language. */
public record Signatory(@NotBlank @Size(max = 160) String name, @Size(max = 200) String title) {

  public Signatory {
    name = name == null ? null : name.strip();
    title = title == null || title.isBlank() ? null : title.strip();
  }
}
