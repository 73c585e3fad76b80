package org.bucn.tracker.cosigning;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.bucn.tracker.campaign.LetterSample;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-on for scripts and other sites, without a login: the letter and a form token, signing (a
 * mail to confirm follows; {@link SignatureBursts} refuses bursts from one address), and the public
 * list. Never an e-mail address in an answer.
 */
@RestController
@io.swagger.v3.oas.annotations.security.SecurityRequirements // for anyone: no login
class SignOnApiController {

  private final CoSignatures signatures;
  private final Letters letters;
  private final FormTokens tokens;
  private final SignatureBursts bursts;

  SignOnApiController(
      CoSignatures signatures, Letters letters, FormTokens tokens, SignatureBursts bursts) {
    this.signatures = signatures;
    this.letters = letters;
    this.tokens = tokens;
    this.bursts = bursts;
  }

  /**
   * What a sign-on page shows: whether it is open, the letter in the reader's language ({@code
   * Accept-Language} or {@code ?lang=}), and a form token to sign with.
   */
  record SignOnPage(
      long campaignId,
      String campaignTitle,
      boolean open,
      OffsetDateTime closesAt,
      int organisations,
      int individuals,
      LetterSample letter,
      String formToken) {}

  @GetMapping("/public/api/campaigns/{id}/sign-on")
  ResponseEntity<SignOnPage> signOn(@PathVariable long id, Locale locale) {
    PublicSignatories list = signatures.publicList(id);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new SignOnPage(
                id,
                list.campaignTitle(),
                list.open(),
                list.closesAt(),
                list.organisations(),
                list.individuals(),
                letters.sample(id, languageOf(locale)).orElse(null),
                list.open() ? tokens.issue(id) : null));
  }

  @GetMapping("/public/api/campaigns/{id}/signatures")
  PublicSignatories list(@PathVariable long id) {
    return signatures.publicList(id);
  }

  /** The answer to a signature: it waits for the link mailed to its address, until then. */
  record Received(String status, OffsetDateTime confirmBy) {}

  @PostMapping("/public/api/campaigns/{id}/signatures")
  ResponseEntity<Received> sign(
      @PathVariable long id,
      @Valid @RequestBody SignatureForm form,
      Locale locale,
      HttpServletRequest request) {
    bursts.check(request.getRemoteAddr());
    tokens.check(id, form.formToken());
    OffsetDateTime confirmBy = signatures.sign(id, form, locale);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .cacheControl(CacheControl.noStore())
        .body(new Received("AWAITING_CONFIRMATION", confirmBy));
  }

  static String languageOf(Locale locale) {
    return InterfaceLanguage.closest(locale).orElse(InterfaceLanguage.EN).tag();
  }
}
