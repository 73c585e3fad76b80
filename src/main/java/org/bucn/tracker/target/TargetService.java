package org.bucn.tracker.target;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and edits the target directory, and keeps each office's holder history. */
@Service
public class TargetService {

  private final TargetRepository targets;
  private final Clock clock;

  TargetService(TargetRepository targets, Clock clock) {
    this.targets = targets;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Target> findAll() {
    return targets.findAll();
  }

  @Transactional(readOnly = true)
  public List<Target> findAll(Collection<Long> ids) {
    return targets.findAll(ids);
  }

  @Transactional(readOnly = true)
  public Target get(long id) {
    return targets.find(id).orElseThrow(() -> new NotFoundException("target", id));
  }

  /** Who held the office when, oldest first. */
  @Transactional(readOnly = true)
  public List<Holder> holders(long id) {
    get(id);
    return targets.holders(id);
  }

  /**
   * Who held each of these offices when, oldest first, by office: one query whatever their number.
   */
  @Transactional(readOnly = true)
  public java.util.Map<Long, List<Holder>> holders(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? java.util.Map.of() : targets.holdersOf(ids);
  }

  @Transactional
  public Target create(TargetRequest request, String by) {
    long id;
    try {
      id = targets.insert(request);
    } catch (DuplicateKeyException e) {
      throw duplicate(request);
    }
    if (request.holderName() != null) {
      targets.startHolder(id, request.holderName(), since(request), by);
    }
    return get(id);
  }

  /** Adds the target unless its office in that country is listed already; true when added. */
  @Transactional
  public boolean createIfAbsent(TargetRequest request, String by) {
    return targets
        .insertIfAbsent(request)
        .map(
            id -> {
              if (request.holderName() != null) {
                targets.startHolder(id, request.holderName(), since(request), by);
              }
              return true;
            })
        .orElse(false);
  }

  /**
   * Changes the office; a different holder closes the previous holder's period the day the new one
   * starts ({@code holderSince}, today when absent), and no holder closes it today. The same holder
   * with another {@code holderSince} corrects the start of the current period.
   */
  @Transactional
  public Target update(long id, TargetRequest request, String by) {
    Target before = targets.lock(id).orElseThrow(() -> new NotFoundException("target", id));
    LocalDate since = since(request);
    if (!Objects.equals(before.holderName(), request.holderName())) {
      if (before.holderSince() != null && since.isBefore(before.holderSince())) {
        throw new InvalidFieldException(
            "holderSince",
            "refusal.target.holderSinceBefore",
            String.valueOf(before.holderSince()),
            before.holderName());
      }
      targets.endHolder(id, request.holderName() == null ? LocalDate.now(clock) : since);
      if (request.holderName() != null) {
        targets.startHolder(id, request.holderName(), since, by);
      }
    } else if (request.holderName() != null
        && request.holderSince() != null
        && !request.holderSince().equals(before.holderSince())) {
      if (before.holderSince() == null) {
        targets.startHolder(id, request.holderName(), since, by);
      } else {
        targets.moveHolderStart(id, since);
      }
    }
    try {
      targets.update(id, request);
    } catch (DuplicateKeyException e) {
      throw duplicate(request);
    }
    return get(id);
  }

  /** The office's forms of address, one per language. */
  @Transactional(readOnly = true)
  public List<TargetForm> forms(long id) {
    get(id);
    return targets.forms(id);
  }

  @Transactional(readOnly = true)
  public TargetForm form(long id, String language) {
    String tag = tag(language);
    return forms(id).stream()
        .filter(f -> f.language().equals(tag))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("formOfAddress", tag, id));
  }

  @Transactional
  public TargetForm saveForm(long id, String language, TargetFormRequest form, String by) {
    get(id);
    String tag = tag(language);
    targets.saveForm(id, tag, form, by);
    return form(id, tag);
  }

  /**
   * How a letter in {@code language} addresses the office: its form in that language (or the
   * closest, {@code sr} for {@code sr-Latn}), else the office alone.
   */
  @Transactional(readOnly = true)
  public Addressing addressing(Target target, String language) {
    return addressing(target, language, targets.forms(target.id()));
  }

  /**
   * The forms of address of many offices in one query, by office (an office without any is absent).
   */
  @Transactional(readOnly = true)
  public Map<Long, List<TargetForm>> formsOf(Collection<Long> ids) {
    return targets.formsOf(ids);
  }

  /** As {@link #addressing(Target, String)}, from the office's forms read already. */
  public static Addressing addressing(Target target, String language, List<TargetForm> forms) {
    return LanguageTags.bestOf(List.of(language), forms.stream().map(TargetForm::language).toList())
        .flatMap(best -> forms.stream().filter(f -> f.language().equals(best)).findFirst())
        .map(
            f ->
                new Addressing(
                    f.language(),
                    f.formalTitle(),
                    target.holderName() == null ? null : f.honorific(),
                    f.salutation(),
                    target.holderName(),
                    target.postalAddress()))
        .orElseGet(
            () ->
                new Addressing(
                    null,
                    target.office().contains(target.country())
                        ? target.office()
                        : target.office() + ", " + target.country(),
                    null,
                    null,
                    target.holderName(),
                    target.postalAddress()));
  }

  private static String tag(String language) {
    return LanguageTags.canonical(language)
        .orElseThrow(() -> new InvalidFieldException("language", "refusal.languageTag"));
  }

  private LocalDate since(TargetRequest request) {
    return request.holderSince() != null ? request.holderSince() : LocalDate.now(clock);
  }

  private static ConflictException duplicate(TargetRequest request) {
    return new ConflictException(
        "office", "refusal.target.officeExists", request.office(), request.countryCode());
  }
}
