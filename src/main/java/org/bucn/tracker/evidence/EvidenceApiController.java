package org.bucn.tracker.evidence;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class EvidenceApiController {

  private final EvidenceService evidence;

  EvidenceApiController(EvidenceService evidence) {
    this.evidence = evidence;
  }

  /** Multipart: {@code file}, {@code kind}, {@code description}, {@code sourceUrl}. */
  @PostMapping(path = "/api/appeals/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Evidence> add(
      @PathVariable long id,
      @RequestPart("file") MultipartFile file,
      @Valid @ModelAttribute NewEvidence about,
      Principal principal)
      throws IOException {
    Evidence added =
        evidence.add(id, about, file.getOriginalFilename(), file.getBytes(), principal.getName());
    return ResponseEntity.created(URI.create("/api/evidence/" + added.id())).body(added);
  }

  @GetMapping("/api/appeals/{id}/evidence")
  List<Evidence> ofAppeal(@PathVariable long id) {
    return evidence.of(id);
  }

  @GetMapping("/api/evidence/{id}")
  Evidence get(@PathVariable long id) {
    return evidence.get(id);
  }

  /**
   * The exact bytes as kept, always as a download, checked against their SHA-256 first, and sent a
   * slice at a time (written straight to the response, however long a slow client takes).
   */
  @GetMapping("/api/evidence/{id}/content")
  @ApiResponse(
      responseCode = "200",
      description = "The file's bytes as kept, with its own content type",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  void content(@PathVariable long id, HttpServletResponse response) throws IOException {
    EvidenceService.Download download = evidence.download(id);
    Evidence item = download.evidence();
    response.setContentType(MediaType.parseMediaType(item.contentType()).toString());
    response.setContentLengthLong(item.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(item.filename()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Digest",
        "sha-256="
            + java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(item.sha256())));
    download.bytes().writeTo(response.getOutputStream());
  }

  /** A plain file name as it is; any other also in RFC 5987 form, which browsers prefer. */
  private static String disposition(String filename) {
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(filename);
    ContentDisposition.Builder builder = ContentDisposition.attachment();
    return (ascii ? builder.filename(filename) : builder.filename(filename, StandardCharsets.UTF_8))
        .build()
        .toString();
  }

  /** Admins only: the item goes, the reason stays in the timeline. */
  @DeleteMapping("/api/evidence/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(
      @PathVariable long id, @RequestParam(required = false) String reason, Principal principal) {
    evidence.remove(id, reason, principal.getName());
  }
}
