package org.bucn.tracker.cosigning;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.InvalidFieldsException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' page of a campaign's co-signatories: the sign-on (open until a day, or close),
 * the link to share, every signature with its state, approve or reject, import those who signed by
 * other means, export.
 */
@PageController
class SignatoryPageController {

  private final CoSignatures signatures;
  private final CampaignService campaigns;
  private final SignatoryApiController csv;
  private final Texts texts;
  private final jakarta.validation.Validator validator;

  SignatoryPageController(
      CoSignatures signatures,
      CampaignService campaigns,
      SignatoryApiController csv,
      Texts texts,
      jakarta.validation.Validator validator) {
    this.validator = validator;
    this.signatures = signatures;
    this.campaigns = campaigns;
    this.csv = csv;
    this.texts = texts;
  }

  /** The states in the order a coordinator works through them. */
  private static final List<String> STATES =
      List.of(
          "AWAITING_APPROVAL",
          "AWAITING_CONFIRMATION",
          "APPROVED",
          "REJECTED",
          "WITHDRAWN",
          "MERGED",
          "EXPIRED");

  /**
   * The page; {@code status} shows only the signatures in that state (an unknown one: all), with
   * how many each state has, so that a coordinator can approve a day's signatures at once.
   */
  @GetMapping("/campaigns/{id}/signatories")
  String page(@PathVariable long id, @RequestParam(required = false) String status, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("signOn", signatures.signOn(id).orElse(null));
    List<CoSignature> all = signatures.all(id);
    Map<String, List<CoSignature>> byState =
        all.stream().collect(Collectors.groupingBy(CoSignature::status));
    Map<String, Integer> counts = new LinkedHashMap<>();
    STATES.stream()
        .filter(byState::containsKey)
        .forEach(state -> counts.put(state, byState.get(state).size()));
    String shown = counts.containsKey(status) ? status : null;
    model.addAttribute("total", all.size());
    model.addAttribute("counts", counts);
    model.addAttribute("shown", shown);
    model.addAttribute("signatories", shown == null ? all : byState.get(shown));
    return "cosigning/signatories";
  }

  String page(long id, Model model) {
    return page(id, null, model);
  }

  /**
   * Approves the signatures the page listed as awaiting approval ({@code ids}), exactly those: one
   * that came in since is left for the coordinator to see.
   */
  @PostMapping("/campaigns/{id}/signatories/approvals")
  String approveAll(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> ids,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    try {
      int approved = signatures.decideAll(id, ids, new CoSignatures.Decision(true, null), actor);
      flash.addFlashAttribute("flash", texts.of("flash.signaturesApproved", approved));
    } catch (InvalidFieldException | ConflictException e) {
      model.addAttribute("flashError", texts.of(e));
      return page(id, "AWAITING_APPROVAL", model);
    }
    return "redirect:/campaigns/" + id + "/signatories";
  }

  /**
   * Opens the sign-on (until {@code closesAtLocal}, a day and time where the coordinator is) or
   * closes it.
   */
  @PostMapping("/campaigns/{id}/signatories/sign-on")
  String signOn(
      @PathVariable long id,
      @RequestParam boolean open,
      @RequestParam(required = false) String closesAtLocal,
      Actor actor,
      ZoneId zone,
      Model model,
      RedirectAttributes flash) {
    try {
      if (open) {
        OffsetDateTime closesAt = null;
        if (closesAtLocal != null && !closesAtLocal.isBlank()) {
          try {
            closesAt = LocalDateTime.parse(closesAtLocal.strip()).atZone(zone).toOffsetDateTime();
          } catch (DateTimeParseException e) {
            throw new InvalidFieldException("closesAt", "typeMismatch");
          }
        }
        signatures.open(id, closesAt, actor);
        flash.addFlashAttribute("flash", texts.of("flash.signOnOpened"));
      } else {
        signatures.close(id, actor);
        flash.addFlashAttribute("flash", texts.of("flash.signOnClosed"));
      }
    } catch (InvalidFieldException | ConflictException e) {
      model.addAttribute("flashError", texts.of(e));
      model.addAttribute("closesAtLocal", closesAtLocal);
      return page(id, model);
    }
    return "redirect:/campaigns/" + id + "/signatories";
  }

  @PostMapping("/campaigns/{id}/signatories/{signatoryId}/decision")
  String decide(
      @PathVariable long id,
      @PathVariable long signatoryId,
      @RequestParam boolean approved,
      @RequestParam(required = false) String reason,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    try {
      CoSignature decided =
          signatures.decide(id, signatoryId, new CoSignatures.Decision(approved, reason), actor);
      flash.addFlashAttribute(
          "flash",
          texts.of(
              approved ? "flash.signatureApproved" : "flash.signatureRejected",
              decided.organisation() != null ? decided.organisation() : decided.name()));
    } catch (InvalidFieldException | ConflictException e) {
      model.addAttribute("flashError", texts.of(e));
      model.addAttribute("rejecting", signatoryId);
      model.addAttribute("reason", reason);
      return page(id, model);
    }
    return "redirect:/campaigns/" + id + "/signatories#signatory-" + signatoryId;
  }

  /** A typo corrected: the signature keeps its confirmation and its decision. */
  @PostMapping("/campaigns/{id}/signatories/{signatoryId}")
  String edit(
      @PathVariable long id,
      @PathVariable long signatoryId,
      @org.springframework.web.bind.annotation.ModelAttribute SignatoryEdit edit,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    try {
      var violations = validator.validate(edit);
      if (!violations.isEmpty()) {
        var v = violations.iterator().next();
        throw new InvalidFieldException(
            v.getPropertyPath().toString(), "refusal.checked", v.getMessage());
      }
      signatures.edit(id, signatoryId, edit, actor);
      flash.addFlashAttribute("flash", texts.of("flash.signatureEdited", edit.name()));
    } catch (InvalidFieldException e) {
      model.addAttribute("flashError", e.field() + ": " + texts.of(e));
      model.addAttribute("editing", signatoryId);
      model.addAttribute("edit", edit);
      return page(id, model);
    } catch (ConflictException e) {
      model.addAttribute("flashError", texts.of(e));
      return page(id, model);
    }
    return "redirect:/campaigns/" + id + "/signatories#signatory-" + signatoryId;
  }

  /** Those who signed by other means: a CSV pasted or uploaded, with where it came from. */
  @PostMapping("/campaigns/{id}/signatories/import")
  String importCsv(
      @PathVariable long id,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String rows,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    try {
      CoSignatures.Imported imported = signatures.importRows(id, csv.rows(rows), source, actor);
      flash.addFlashAttribute(
          "flash", texts.of("flash.signatoriesImported", imported.imported(), imported.merged()));
    } catch (InvalidFieldException | ConflictException e) {
      model.addAttribute("flashError", texts.of(e));
      return importFailed(id, source, rows, model);
    } catch (InvalidFieldsException e) {
      model.addAttribute(
          "flashError",
          String.join("; ", e.errors().stream().map(f -> f.field() + ": " + texts.of(f)).toList()));
      return importFailed(id, source, rows, model);
    }
    return "redirect:/campaigns/" + id + "/signatories";
  }

  private String importFailed(long id, String source, String rows, Model model) {
    model.addAttribute("source", source);
    model.addAttribute("rows", rows);
    return page(id, model);
  }
}
