package org.bucn.tracker.operations;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bucn.tracker.infrastructure.db.DatabaseBackup;
import org.bucn.tracker.shared.ConflictException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OperationsApiController {

  private static final String GZIP = "application/gzip";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Operations operations;
  private final DatabaseBackup backup;
  private final Clock clock;

  OperationsApiController(Operations operations, DatabaseBackup backup, Clock clock) {
    this.operations = operations;
    this.backup = backup;
    this.clock = clock;
  }

  @GetMapping("/api/admin/operations")
  Operations.Overview overview() {
    return operations.overview();
  }

  /**
   * The embedded database as it is now, while the tracker runs ({@code .tar.gz}; restored with
   * {@code TRACKER_RESTORE_FROM}). Written straight to the response, however long it takes.
   */
  @GetMapping(value = "/api/admin/backup", produces = GZIP)
  @ApiResponse(
      responseCode = "200",
      description = "The backup, PostgreSQL's online backup of the embedded database as .tar.gz",
      content = @Content(mediaType = GZIP, schema = @Schema(type = "string", format = "binary")))
  void backup(HttpServletResponse response) throws IOException {
    if (!backup.possible()) {
      throw new ConflictException(null, "refusal.backup.external");
    }
    response.setContentType(GZIP);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("tracker-backup-" + STAMP.format(clock.instant()) + ".tar.gz")
            .build()
            .toString());
    backup.writeTo(response.getOutputStream());
  }
}
