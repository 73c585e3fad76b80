package org.bucn.tracker.infrastructure.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an empty data directory from a backup ({@link DatabaseBackup}, or a stopped tracker's
 * {@code TRACKER_DATA_DIR} packed the same way) when {@code TRACKER_RESTORE_FROM} names one. Never
 * over a database: a data directory that holds one is left as it is and the start stops, unless it
 * was made from that very backup (the setting may stay after the restore). The archive is unpacked
 * beside the cluster and renamed into place whole, so a restore killed halfway starts over.
 */
final class DatabaseRestore {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

  /** Names the backup a data directory was made from. */
  static final String RESTORED_FROM = "restored-from";

  private DatabaseRestore() {}

  static void restoreIfAsked(Path archive, Path dataDir) throws IOException {
    if (archive == null || archive.toString().isBlank()) {
      return;
    }
    archive = archive.toAbsolutePath();
    Path cluster = dataDir.resolve(DatabaseBackup.CLUSTER);
    Path marker = dataDir.resolve(RESTORED_FROM);
    if (holdsFiles(cluster)) {
      if (Files.exists(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(archive.toString())) {
        log.info(
            "The data directory {} was restored from {} before; TRACKER_RESTORE_FROM may be unset",
            dataDir,
            archive);
        return;
      }
      throw new IllegalStateException(
          "TRACKER_RESTORE_FROM names "
              + archive
              + ", but the data directory "
              + dataDir
              + " already holds a database, which a restore never replaces. Restore into an empty"
              + " TRACKER_DATA_DIR, or unset TRACKER_RESTORE_FROM. Nothing was changed.");
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "TRACKER_RESTORE_FROM names " + archive + ", which is not a file. Nothing was changed.");
    }
    long started = System.nanoTime();
    Files.createDirectories(dataDir);
    Path unpacking = dataDir.resolve(DatabaseBackup.CLUSTER + ".restoring");
    deleteTree(unpacking); // left by a restore that was killed
    Files.createDirectories(unpacking);
    privateTo(unpacking, true);
    Path password = unpacking.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
    Path files = unpacking.resolve(DatabaseBackup.CLUSTER);
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(in, 1 << 16)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        boolean ours =
            name.equals(EmbeddedDatabaseConfiguration.PASSWORD_FILE)
                || name.equals(DatabaseBackup.CLUSTER + "/")
                || name.startsWith(DatabaseBackup.CLUSTER + "/");
        Path target = unpacking.resolve(name).normalize();
        if (!ours || !target.startsWith(unpacking) || !(entry.isDirectory() || entry.isFile())) {
          throw notABackup(archive, "it holds " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          privateTo(target, true);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
          privateTo(target, false);
        }
      }
    } catch (RuntimeException e) {
      deleteTree(unpacking);
      throw e;
    } catch (IOException e) {
      deleteTree(unpacking);
      throw new IllegalStateException(
          "Could not restore from " + archive + ": " + e.getMessage() + ". Nothing was changed.",
          e);
    }
    if (!Files.exists(files.resolve("PG_VERSION"))) {
      deleteTree(unpacking);
      throw notABackup(archive, "it lacks postgres/PG_VERSION");
    }
    // A started cluster: not taken for one whose initdb was killed (UnfinishedFirstStart).
    if (!Files.exists(files.resolve("postmaster.opts"))) {
      Files.writeString(files.resolve("postmaster.opts"), "restored\n");
    }
    // A data directory of a release before the superuser had a password has none: its cluster
    // trusts local users, and is given a password at its first start (TrustedClusters).
    if (Files.exists(password)) {
      Files.move(
          password,
          dataDir.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE),
          StandardCopyOption.REPLACE_EXISTING);
    }
    deleteTree(cluster); // an empty directory at most
    Files.move(files, cluster, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(marker, archive + "\n", StandardCharsets.UTF_8);
    deleteTree(unpacking);
    log.warn(
        "Restored the database from {} into {} in {} ms; the server replays what the backup's WAL holds as it starts",
        archive,
        cluster,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static IllegalStateException notABackup(Path archive, String why) {
    return new IllegalStateException(
        "TRACKER_RESTORE_FROM names "
            + archive
            + ", which is not a tracker backup ("
            + why
            + "). Nothing was changed.");
  }

  private static boolean holdsFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Files.exists(directory);
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isPresent();
    }
  }

  /**
   * PostgreSQL refuses a data directory others may read. A file system without POSIX permissions
   * (Windows) has its own access rules, left as they are.
   */
  private static void privateTo(Path path, boolean directory) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
