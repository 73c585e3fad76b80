package org.bucn.tracker.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.tika.Tika;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.DamagedDataException;
import org.bucn.tracker.shared.Hashes;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.shared.TooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Keeps evidence on appeals: the bytes exactly as received, their SHA-256, the type read from the
 * bytes themselves, a safe file name, and a timeline line linking to it. Reading checks the hash
 * every time: bytes that changed in storage are reported, never served.
 */
@Service
public class EvidenceService {

  private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);

  /** Types kept as detected; anything else is served as {@code application/octet-stream}. */
  static final Set<String> KEPT_TYPES =
      Set.of(
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/webp",
          "text/plain",
          "message/rfc822",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text");

  static final String UNKNOWN_TYPE = "application/octet-stream";
  private static final int NAME_MAX = 200;

  /** A file and what it is. */
  public record Content(Evidence evidence, byte[] bytes) {}

  private final EvidenceRepository evidence;
  private final EvidenceStore store;
  private final EvidenceHolders appeals;
  private final long maxSize;
  private final Tika tika = new Tika();

  EvidenceService(
      EvidenceRepository evidence,
      EvidenceStore store,
      EvidenceHolders appeals,
      TrackerProperties properties) {
    this.evidence = evidence;
    this.store = store;
    this.appeals = appeals;
    this.maxSize = properties.evidence().maxSize().toBytes();
  }

  /** Adds a file to the appeal, in the caller's transaction when there is one. */
  @Transactional
  public Evidence add(long appealId, NewEvidence about, String filename, byte[] bytes, String by) {
    appeals.requireExists(appealId);
    if (bytes == null || bytes.length == 0) {
      throw new InvalidFieldException("file", "refusal.file.empty");
    }
    if (bytes.length > maxSize) {
      throw new TooLargeException("refusal.file.tooLarge", maxSize);
    }
    String name = safeName(filename);
    String type = contentType(bytes, name);
    long id = evidence.insert(appealId, about, name, type, bytes.length, Hashes.sha256(bytes), by);
    store.put(id, bytes);
    appeals.record(
        appealId,
        by,
        "EVIDENCE_ADDED",
        Sentence.of(
            "evidenceAdded",
            Sentence.label(about.kind()),
            Sentence.text(name),
            Sentence.text(type),
            Sentence.number(bytes.length),
            Sentence.note(about.description())),
        "/api/evidence/" + id + "/content");
    return get(id);
  }

  @Transactional(readOnly = true)
  public List<Evidence> of(long appealId) {
    appeals.requireExists(appealId);
    return evidence.ofAppeal(appealId);
  }

  /** The files kept on each of these appeals, by appeal: one query whatever their number. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, List<Evidence>> ofAppeals(java.util.Collection<Long> appealIds) {
    return appealIds.isEmpty()
        ? java.util.Map.of()
        : evidence.ofAppeals(appealIds).stream()
            .collect(java.util.stream.Collectors.groupingBy(Evidence::appealId));
  }

  @Transactional(readOnly = true)
  public Evidence get(long id) {
    return evidence.find(id).orElseThrow(() -> new NotFoundException("evidence", id));
  }

  /** The exact bytes, after checking them against their hash. */
  @Transactional(readOnly = true)
  public Content content(long id) {
    Evidence item = get(id);
    byte[] bytes = store.get(id).orElseThrow(() -> new NotFoundException("evidence", id));
    if (!Hashes.sha256(bytes).equals(item.sha256())) {
      log.error(
          "Evidence {} of appeal {} failed its integrity check: stored {} bytes, expected SHA-256 {}",
          id,
          item.appealId(),
          bytes.length,
          item.sha256());
      throw new DamagedDataException("refusal.damaged.evidence", String.valueOf(id));
    }
    return new Content(item, bytes);
  }

  /**
   * The exact bytes for a download, checked against their hash first, read a slice at a time: a
   * damaged file is refused before a byte of it goes out, and no download holds a whole file.
   */
  @Transactional(readOnly = true)
  public Download download(long id) throws IOException {
    Evidence item = get(id);
    MessageDigest sha256 = Hashes.sha256Digest();
    if (!store.copy(id, new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
      throw new NotFoundException("evidence", id);
    }
    if (!HexFormat.of().formatHex(sha256.digest()).equals(item.sha256())) {
      log.error(
          "Evidence {} of appeal {} failed its integrity check: expected SHA-256 {}",
          id,
          item.appealId(),
          item.sha256());
      throw new DamagedDataException("refusal.damaged.evidence", String.valueOf(id));
    }
    return new Download(item, out -> store.copy(id, out));
  }

  /** A file to send: its record, and its bytes written to a stream on demand. */
  public record Download(Evidence evidence, Bytes bytes) {

    /** Writes the bytes to the stream given. */
    public interface Bytes {
      void writeTo(OutputStream out) throws IOException;
    }
  }

  /** An admin takes an item out (its bytes are forgotten); the timeline keeps who, when and why. */
  @Transactional
  public void remove(long id, String reason, String by) {
    if (!StringUtils.hasText(reason)) {
      throw new InvalidFieldException("reason", "refusal.evidence.reasonRequired");
    }
    Evidence item = get(id);
    evidence.markRemoved(id, reason.strip(), by);
    store.remove(id);
    appeals.record(
        item.appealId(),
        by,
        "EVIDENCE_REMOVED",
        Sentence.of(
            "evidenceRemoved",
            Sentence.text(item.filename()),
            Sentence.text(item.sha256()),
            Sentence.text(reason.strip())),
        null);
  }

  /**
   * The type the bytes show, the name only telling apart types the bytes share (a DOCX is a ZIP);
   * unknown types as octet-stream.
   */
  String contentType(byte[] bytes, String name) {
    String detected = tika.detect(bytes, name);
    return KEPT_TYPES.contains(detected) ? detected : UNKNOWN_TYPE;
  }

  /**
   * The last segment of the name, without control or formatting characters, at most 200 characters
   * (the extension kept).
   */
  static String safeName(String filename) {
    String name = filename == null ? "" : filename;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name =
        name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").replaceAll("[\"<>|:*?]", "_").strip();
    name = name.replaceAll("^\\.+", "");
    if (name.isEmpty()) {
      return "evidence";
    }
    if (name.length() > NAME_MAX) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, NAME_MAX - extension.length()) + extension;
    }
    return name;
  }
}
