package org.bucn.tracker.organisation;

import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admins: the letterhead and signatories (paths under /api/admin are ADMIN only). */
@RestController
class OrganisationApiController {

  private final OrganisationService organisation;

  OrganisationApiController(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/api/admin/organisation")
  Organisation get() {
    return organisation.get();
  }

  @PutMapping("/api/admin/organisation")
  Organisation save(@Valid @RequestBody OrganisationRequest request, Principal principal) {
    return organisation.save(request, principal.getName());
  }

  /** Multipart {@code logo}: a PNG, or an SVG that runs and fetches nothing; 512 kB at most. */
  @PutMapping(path = "/api/admin/organisation/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logo(@RequestPart("logo") MultipartFile logo, Principal principal) throws IOException {
    organisation.saveLogo(logo.getBytes(), principal.getName());
  }

  @DeleteMapping("/api/admin/organisation/logo")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeLogo(Principal principal) {
    organisation.removeLogo(principal.getName());
  }
}
