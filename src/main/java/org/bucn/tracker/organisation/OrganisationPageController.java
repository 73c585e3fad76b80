package org.bucn.tracker.organisation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.shared.TooLargeException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page for the letterhead and signatories, and the logo as the pages show it. */
@PageController
class OrganisationPageController {

  private final Texts texts;

  private final OrganisationService organisation;
  private final Validator validator;

  OrganisationPageController(OrganisationService organisation, Validator validator, Texts texts) {
    this.texts = texts;
    this.organisation = organisation;
    this.validator = validator;
  }

  @GetMapping("/admin/organisation")
  String page(Model model) {
    Organisation current = organisation.get();
    model.addAttribute("organisation", current);
    model.addAttribute("errors", Map.of());
    model.addAttribute(
        "signatoryLines",
        current.signatories().entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " | "
                        + e.getValue().name()
                        + " | "
                        + (e.getValue().title() == null ? "" : e.getValue().title())
                        + (e.getValue().organisation() == null
                            ? ""
                            : " | " + e.getValue().organisation()))
            .collect(Collectors.joining("\n")));
    return "admin/organisation";
  }

  /**
   * Signatories come as lines "language | name | title | the organisation's name in that language"
   * (the last two may be left out). Refused, the page comes back with everything as typed and the
   * error on its field; nothing is saved.
   */
  @PostMapping("/admin/organisation")
  String save(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String postalAddress,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String website,
      @RequestParam(required = false) String signatories,
      Principal principal,
      Model model,
      RedirectAttributes flash) {
    Map<String, Signatory> parsed = new LinkedHashMap<>();
    int number = 0;
    for (String line : (signatories == null ? "" : signatories).split("\\R")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      if (parts.length < 2) {
        return refused(
            model,
            name,
            postalAddress,
            email,
            website,
            signatories,
            "signatories",
            "line " + number + " needs \"language | name | title\"");
      }
      parsed.put(
          parts[0].strip(),
          new Signatory(
              parts[1].strip(),
              parts.length > 2 ? parts[2].strip() : null,
              parts.length > 3 ? parts[3].strip() : null));
    }
    OrganisationRequest request =
        new OrganisationRequest(name, postalAddress, email, website, parsed);
    Set<ConstraintViolation<OrganisationRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      ConstraintViolation<OrganisationRequest> first = violations.iterator().next();
      String field = first.getPropertyPath().toString().replaceFirst("[\\[.].*", "");
      return refused(
          model, name, postalAddress, email, website, signatories, field, first.getMessage());
    }
    organisation.save(request, principal.getName());
    flash.addFlashAttribute("flash", texts.of("flash.letterheadSaved", parsed.size()));
    return "redirect:/admin/organisation";
  }

  private String refused(
      Model model,
      String name,
      String postalAddress,
      String email,
      String website,
      String signatories,
      String field,
      String message) {
    model.addAttribute(
        "organisation",
        new Organisation(
            name, postalAddress, email, website, organisation.get().hasLogo(), Map.of()));
    model.addAttribute("signatoryLines", signatories);
    model.addAttribute("errors", Map.of(field, message));
    model.addAttribute("flashError", "Nothing saved: " + field + " " + message);
    return "admin/organisation";
  }

  @PostMapping("/admin/organisation/logo")
  String logo(
      @RequestParam(name = "logo", required = false) MultipartFile logo,
      Principal principal,
      RedirectAttributes flash)
      throws IOException {
    try {
      organisation.saveLogo(logo == null ? null : logo.getBytes(), principal.getName());
      flash.addFlashAttribute("flash", texts.of("flash.logoSaved"));
    } catch (InvalidFieldException | TooLargeException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.logoNotSaved", texts.of(e)));
    }
    return "redirect:/admin/organisation";
  }

  /** The logo for pages; served with its own type only, never sniffed, an SVG never run. */
  @GetMapping("/organisation/logo")
  ResponseEntity<byte[]> logoImage() {
    return organisation
        .logo()
        .map(
            l ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(l.contentType()))
                    .cacheControl(CacheControl.noCache())
                    .header("X-Content-Type-Options", "nosniff")
                    .header(
                        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(l.bytes()))
        .orElse(ResponseEntity.notFound().build());
  }
}
