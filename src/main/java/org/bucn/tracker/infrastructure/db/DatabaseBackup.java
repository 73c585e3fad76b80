package org.bucn.tracker.infrastructure.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A backup of the embedded database taken while the tracker runs: PostgreSQL's own online backup
 * ({@code pg_backup_start}, the data directory's files, {@code pg_backup_stop}, the WAL written
 * meanwhile, kept from recycling by a replication slot for the backup's life), written as one
 * {@code .tar.gz} holding {@code postgres/} and {@code postgres.password}: what {@code
 * TRACKER_DATA_DIR} holds. Everything the tracker knows is in it: appeals, the engine's tasks and
 * timers, evidence bytes, mail waiting to go. {@link DatabaseRestore} starts a fresh data directory
 * from it. An external database is backed up with its own tools ({@code pg_dump}).
 */
@Component
public class DatabaseBackup {

  private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

  /** Written by the server itself and meaningless in a copy (PostgreSQL's backup protocol). */
  private static final Set<String> SKIPPED_FILES =
      Set.of(
          "postmaster.pid",
          "backup_label",
          "backup_label.old",
          "tablespace_map",
          "pg_internal.init",
          "epg-lock");

  /** Directories whose contents the server rebuilds at start; kept empty in the copy. */
  private static final Set<String> EMPTIED_DIRECTORIES =
      Set.of(
          "pg_dynshmem",
          "pg_notify",
          "pg_replslot",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  static final String CLUSTER = "postgres";

  private final ObjectProvider<EmbeddedPostgres> embedded;
  private final TrackerProperties properties;

  DatabaseBackup(ObjectProvider<EmbeddedPostgres> embedded, TrackerProperties properties) {
    this.embedded = embedded;
    this.properties = properties;
  }

  /** False on an external database, which the tracker does not own. */
  public boolean possible() {
    return embedded.getIfAvailable() != null;
  }

  /**
   * Writes a backup of the running database to {@code out}. The tracker goes on working meanwhile;
   * the backup holds the database as it was when the copy ended.
   */
  public void writeTo(OutputStream out) throws IOException {
    EmbeddedPostgres postgres = embedded.getIfAvailable();
    if (postgres == null) {
      throw new IllegalStateException("The database is external: back it up with pg_dump");
    }
    Path dataDir = properties.dataDir().toAbsolutePath();
    Path cluster = dataDir.resolve(CLUSTER);
    long started = System.nanoTime();
    GzipParameters gzip = new GzipParameters();
    gzip.setCompressionLevel(Deflater.BEST_SPEED);
    // Its own session, not the pool's: a backup and its slot end with the session, so a download
    // broken off (or a crash) leaves nothing behind in the server.
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      String slot = "tracker_backup_" + UUID.randomUUID().toString().replace("-", "");
      try (PreparedStatement s =
          c.prepareStatement("SELECT pg_create_physical_replication_slot(?, true, true)")) {
        s.setString(1, slot);
        s.execute();
      }
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_backup_start('tracker backup', true)");
      }
      directory(tar, CLUSTER);
      Files.walkFileTree(cluster, new ClusterFiles(tar, cluster));
      String label;
      String tablespaces;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
        rs.next();
        label = rs.getString(1);
        tablespaces = rs.getString(2);
      }
      text(tar, CLUSTER + "/backup_label", label);
      if (tablespaces != null && !tablespaces.isEmpty()) {
        text(tar, CLUSTER + "/tablespace_map", tablespaces);
      }
      // The WAL from the backup's start to its end (and on): the slot kept every segment of it.
      directory(tar, CLUSTER + "/pg_wal");
      directory(tar, CLUSTER + "/pg_wal/archive_status");
      try (Stream<Path> segments = Files.list(cluster.resolve("pg_wal"))) {
        for (Path segment : segments.filter(Files::isRegularFile).sorted().toList()) {
          file(tar, CLUSTER + "/pg_wal/" + segment.getFileName(), segment);
        }
      }
      file(
          tar,
          EmbeddedDatabaseConfiguration.PASSWORD_FILE,
          dataDir.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE));
      tar.finish();
    } catch (SQLException e) {
      throw new IOException("The backup failed in the database: " + e.getMessage(), e);
    }
    log.info("Backup of {} written in {} ms", cluster, (System.nanoTime() - started) / 1_000_000);
  }

  /** The cluster's files as PostgreSQL's backup protocol lists them, pg_wal aside. */
  private static final class ClusterFiles extends SimpleFileVisitor<Path> {

    private final TarArchiveOutputStream tar;
    private final Path cluster;

    ClusterFiles(TarArchiveOutputStream tar, Path cluster) {
      this.tar = tar;
      this.cluster = cluster;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
        throws IOException {
      if (dir.equals(cluster)) {
        return FileVisitResult.CONTINUE;
      }
      String name = name(dir);
      String last = dir.getFileName().toString();
      directory(tar, name);
      if (name.equals(CLUSTER + "/pg_wal")
          || EMPTIED_DIRECTORIES.contains(last) && dir.getParent().equals(cluster)
          || last.startsWith("pgsql_tmp")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      String last = file.getFileName().toString();
      if (attributes.isRegularFile()
          && !SKIPPED_FILES.contains(last)
          && !last.startsWith("pgsql_tmp")) {
        file(tar, name(file), file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      // A table dropped while the copy ran: the WAL replay drops it again.
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw e;
    }

    private String name(Path path) {
      return CLUSTER + "/" + cluster.relativize(path).toString().replace('\\', '/');
    }
  }

  private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name + "/");
    entry.setMode(040700);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void text(TarArchiveOutputStream tar, String name, String content)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(0100600);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /**
   * A file as long as it was when listed: one the server writes meanwhile is read to that length,
   * one it shortened is filled with zeros (the WAL replay rewrites both), one it removed is left
   * out.
   */
  private static void file(TarArchiveOutputStream tar, String name, Path path) throws IOException {
    InputStream in;
    long size;
    try {
      in = Files.newInputStream(path);
      size = Files.size(path);
    } catch (NoSuchFileException e) {
      return;
    }
    try (in) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setMode(0100600);
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      byte[] buffer = new byte[64 * 1024];
      long left = size;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          Arrays.fill(buffer, (byte) 0);
          while (left > 0) {
            int zeros = (int) Math.min(buffer.length, left);
            tar.write(buffer, 0, zeros);
            left -= zeros;
          }
          break;
        }
        tar.write(buffer, 0, read);
        left -= read;
      }
      tar.closeArchiveEntry();
    }
  }
}
