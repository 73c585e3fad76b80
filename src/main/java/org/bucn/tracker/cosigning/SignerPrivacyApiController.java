package org.bucn.tracker.cosigning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.bucn.tracker.shared.MailAddress;
import org.bucn.tracker.user.Actor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signer's request about their data, carried out by an admin: everything kept about them, or its
 * erasure. The address goes in the body, never in a URL a log keeps.
 */
@RestController
class SignerPrivacyApiController {

  private final CoSignatures signatures;

  SignerPrivacyApiController(CoSignatures signatures) {
    this.signatures = signatures;
  }

  record Signer(@NotBlank @MailAddress String email) {}

  @PostMapping("/api/admin/signers/export")
  List<CoSignatures.SignerRecord> export(@Valid @RequestBody Signer signer) {
    return signatures.export(signer.email());
  }

  record Erased(int signatures) {}

  @PostMapping("/api/admin/signers/erasure")
  Erased erase(@Valid @RequestBody Signer signer, Actor actor) {
    return new Erased(signatures.erase(signer.email(), actor));
  }
}
