package org.bucn.tracker.infrastructure.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.bucn.tracker.shared.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Where the embedded PostgreSQL's programs are unpacked, and the check that they are the ones the
 * tracker ships. By default zonky unpacks them into a directory under the system's temporary
 * directory that every local user may write, and runs whatever it finds there. Here they go into a
 * directory the tracker's user owns, mode 0700 (refused when another user owns it), and before
 * every start each file is compared with the SHA-256 it has in the archive shipped inside the
 * tracker (the list made from the archive when it was first unpacked); a changed, missing or
 * half-unpacked file makes them unpacked again.
 */
final class PostgresBinaries {

  private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

  /** The SHA-256 of every file of the archive, kept beside what was unpacked from it. */
  static final String MANIFEST = "tracker-binaries.sha256";

  /** How the manifest writes a symbolic link: its target, after this. */
  private static final String LINK = "link:";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private PostgresBinaries() {}

  /** The directory made private to this user; refused when it belongs to someone else. */
  static Path privateDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      String owner = Files.getOwner(directory).getName();
      String me = System.getProperty("user.name");
      if (!owner.equals(me)) {
        throw new IllegalStateException(
            "The directory for PostgreSQL's programs, "
                + directory
                + ", belongs to "
                + owner
                + ", not to "
                + me
                + ": remove it, or point TRACKER_POSTGRES_BINARIES at a directory of your own");
      }
      if (!Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(directory, OWNER_ONLY);
      }
    }
    return directory;
  }

  /**
   * The archive as zonky would read it, checked against what is unpacked in {@code directory}
   * before zonky decides whether to unpack it: a mismatch removes the unpacked copy.
   */
  static PgBinaryResolver verifying(Path directory) {
    return (system, machineHardware) -> {
      byte[] archive;
      try (InputStream in =
          DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
        archive = in.readAllBytes();
      }
      // zonky's own name for the unpacked copy: PG- and the archive's MD5.
      Path unpacked = directory.resolve("PG-" + digest("MD5", archive));
      if (Files.exists(unpacked.resolve(".exists")) && !matches(unpacked, archive)) {
        log.warn(
            "PostgreSQL's programs in {} differ from those shipped (changed, missing or half unpacked): unpacking them again",
            unpacked);
        FileSystemUtils.deleteRecursively(unpacked);
      }
      return new ByteArrayInputStream(archive);
    };
  }

  /** Whether every file of the archive is on disk as it is in the archive. */
  static boolean matches(Path unpacked, byte[] archive) throws IOException {
    Path manifestFile = unpacked.resolve(MANIFEST);
    Map<String, String> expected;
    if (Files.exists(manifestFile)) {
      Properties manifest = new Properties();
      try (InputStream in = Files.newInputStream(manifestFile)) {
        manifest.load(in);
      }
      expected = new TreeMap<>();
      manifest.forEach((name, hash) -> expected.put((String) name, (String) hash));
    } else {
      expected = manifest(archive);
    }
    for (Map.Entry<String, String> file : expected.entrySet()) {
      Path path = unpacked.resolve(file.getKey()).normalize();
      boolean same =
          path.startsWith(unpacked)
              && (file.getValue().startsWith(LINK)
                  ? Files.isSymbolicLink(path)
                      && Files.readSymbolicLink(path)
                          .toString()
                          .equals(file.getValue().substring(LINK.length()))
                  : Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                      && Hashes.sha256(Files.readAllBytes(path)).equals(file.getValue()));
      if (!same) {
        log.warn("{} is not the file shipped with the tracker", path);
        return false;
      }
    }
    if (!Files.exists(manifestFile)) {
      Properties manifest = new Properties();
      manifest.putAll(expected);
      try (var out = Files.newOutputStream(manifestFile)) {
        manifest.store(
            out, "SHA-256 of every file of the PostgreSQL archive shipped with the tracker");
      }
    }
    return true;
  }

  /** The SHA-256 of every regular file in the archive, by its path. */
  static Map<String, String> manifest(byte[] archive) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName().replaceFirst("^\\./", "");
        if (entry.isSymbolicLink()) {
          hashes.put(name, LINK + entry.getLinkName());
        } else if (entry.isFile() && !entry.isLink()) {
          hashes.put(name, Hashes.sha256(tar.readAllBytes()));
        }
      }
    }
    return hashes;
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
