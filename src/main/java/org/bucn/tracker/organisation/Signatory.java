package org.bucn.tracker.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who signs letters in one language, their title in that language, and the organisation's name in
 * that language ({@code organisation}; none, and letters use the letterhead's name).
 */
public record Signatory(
    @NotBlank @Size(max = 160) String name,
    @Size(max = 200) String title,
    @Size(max = 200) String organisation) {

  public Signatory {
    name = name == null ? null : name.strip();
    title = title == null || title.isBlank() ? null : title.strip();
    organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
  }

  public Signatory(String name, String title) {
    this(name, title, null);
  }
}
