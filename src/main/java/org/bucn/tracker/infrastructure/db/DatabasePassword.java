package org.bucn.tracker.infrastructure.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's superuser password: made at random on the first start and kept in a file
 * beside the data directory that only its owner may read. Nobody types it; the tracker reads it on
 * every start.
 */
final class DatabasePassword {

  private static final int BYTES = 32;

  private DatabasePassword() {}

  static String of(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[BYTES];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(file);
        }
        Files.writeString(file, password + "\n");
      } catch (FileAlreadyExistsException raced) {
        // Another process made it a moment ago: use theirs.
      }
    }
    String password = Files.readString(file).trim();
    if (password.isEmpty()) {
      throw new IllegalStateException(
          file + " is empty: delete it only together with the data directory beside it");
    }
    return password;
  }
}
