package org.bucn.tracker.cosigning;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public sign-on pages, in the interface's languages, without a login or a session: the letter
 * in the reader's language with the form to sign it and the list of those who co-sign, then the
 * pages the mailed links open (confirm; withdraw). None is kept by a cache: each carries a fresh
 * form or answers one link.
 */
@PageController
class SignOnPageController {

  private final CoSignatures signatures;
  private final Letters letters;
  private final FormTokens tokens;
  private final SignatureBursts bursts;
  private final Texts texts;

  SignOnPageController(
      CoSignatures signatures,
      Letters letters,
      FormTokens tokens,
      SignatureBursts bursts,
      Texts texts) {
    this.signatures = signatures;
    this.letters = letters;
    this.tokens = tokens;
    this.bursts = bursts;
    this.texts = texts;
  }

  @GetMapping("/public/campaigns/{id}/sign")
  String page(@PathVariable long id, Locale locale, Model model, HttpServletResponse response) {
    model.addAttribute("form", SignatureForm.blank(tokens.issue(id)));
    return signPage(id, locale, model, response);
  }

  @PostMapping("/public/campaigns/{id}/sign")
  String sign(
      @PathVariable long id,
      @Valid @ModelAttribute("form") SignatureForm form,
      BindingResult binding,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    bursts.check(request.getRemoteAddr());
    if (!binding.hasErrors()) {
      try {
        tokens.check(id, form.formToken());
        OffsetDateTime confirmBy = signatures.sign(id, form, locale);
        model.addAttribute("campaign", signatures.publicList(id));
        model.addAttribute("email", form.email());
        model.addAttribute("confirmBy", confirmBy);
        noStore(response);
        return "cosigning/sent";
      } catch (InvalidFieldException e) {
        binding.rejectValue(e.field(), e.code(), e.args(), texts.of(e));
      } catch (ConflictException e) {
        model.addAttribute("flashError", texts.of(e));
      }
    }
    if (binding.hasErrors()) {
      model.addAttribute("flashError", texts.of("flash.correctFields"));
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return signPage(id, locale, model, response);
  }

  private String signPage(long id, Locale locale, Model model, HttpServletResponse response) {
    noStore(response);
    Map<String, String> names = new LinkedHashMap<>();
    java.util.stream.Stream.concat(
            java.util.Arrays.stream(Locale.getISOCountries()), java.util.stream.Stream.of("XK"))
        .map(code -> new String[] {code, new Locale("", code).getDisplayCountry(locale)})
        .sorted(java.util.Comparator.comparing(c -> c[1], java.text.Collator.getInstance(locale)))
        .forEach(c -> names.put(c[0], c[1]));
    model.addAttribute("countryNames", names);
    model.addAttribute(
        "countries",
        names.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    model.addAttribute("campaign", signatures.publicList(id));
    model.addAttribute(
        "letter", letters.sample(id, SignOnApiController.languageOf(locale)).orElse(null));
    return "cosigning/sign";
  }

  /**
   * The link in the first mail: a button to confirm, so that a mail scanner's visit confirms
   * nothing.
   */
  @GetMapping("/public/signatures/{token}")
  String confirmation(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    model.addAttribute("signature", signatures.byConfirmation(token));
    model.addAttribute("token", token);
    return "cosigning/confirm";
  }

  @PostMapping("/public/signatures/{token}")
  String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    try {
      model.addAttribute("signature", signatures.confirm(token));
      model.addAttribute("done", "confirmed");
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("signature", signatures.byConfirmation(token));
      model.addAttribute("flashError", texts.of(e));
    }
    model.addAttribute("token", token);
    return "cosigning/confirm";
  }

  /** The link in the confirmation mail: a button to withdraw. */
  @GetMapping("/public/signatures/{token}/withdrawal")
  String withdrawal(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    model.addAttribute("signature", signatures.byWithdrawal(token));
    model.addAttribute("token", token);
    model.addAttribute("withdrawing", true);
    return "cosigning/confirm";
  }

  @PostMapping("/public/signatures/{token}/withdrawal")
  String withdraw(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    boolean offTheLetters = signatures.withdraw(token);
    model.addAttribute("signature", signatures.byWithdrawal(token));
    model.addAttribute("token", token);
    model.addAttribute("withdrawing", true);
    model.addAttribute("done", offTheLetters ? "withdrawn" : "unlisted");
    return "cosigning/confirm";
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }
}
