package org.bucn.tracker.infrastructure.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first start of the embedded database that was killed (a laptop lid, the OOM killer) must not
 * leave a data directory only a person can repair. Two moments left one:
 *
 * <ul>
 *   <li>during {@code initdb}: a half-made cluster, which every later start reused and failed on. A
 *       cluster whose server never started (no {@code postmaster.opts}, which only a started server
 *       writes) is set aside beside it ({@code postgres.unfinished-…}, nothing deleted) and made
 *       anew;
 *   <li>during Camunda's baseline change set: Liquibase commits a change set, then records it, so
 *       part of the engine's tables existed with no record, and every later start failed with
 *       "relation act_ge_property already exists". A database that holds only some of the engine's
 *       tables and in which none of the tracker's own change sets was ever recorded holds nothing
 *       of anyone's (the engine fills its tables, and users and demo data come, only after the
 *       migration), so its schema is emptied and Liquibase starts over. A database with any other
 *       table is never touched.
 *   <li>while the demo's story was told, on a database that start had made: the demo stayed
 *       half-built for good (a campaign existed, so it was never told again). The story's beginning
 *       is recorded only on a database made by that very run ({@link FirstStartDemo}), its end once
 *       told; begun and never finished, everything in the database came from the killed run, so it
 *       is emptied and the next start migrates and tells it whole.
 * </ul>
 */
final class UnfinishedFirstStart {

  private static final Logger log = LoggerFactory.getLogger(UnfinishedFirstStart.class);

  /** The tracker's first change set: recorded in every database a start ever finished migrating. */
  static final String FIRST_OF_OURS = "001-users";

  private UnfinishedFirstStart() {}

  /** Before the server starts: a cluster whose creation was interrupted is set aside. */
  static void setAsideUnfinishedCluster(Path dataDirectory) throws IOException {
    if (!Files.isDirectory(dataDirectory)
        || Files.exists(dataDirectory.resolve("postmaster.opts"))
        || empty(dataDirectory)) {
      return;
    }
    Path aside =
        dataDirectory.resolveSibling(
            dataDirectory.getFileName()
                + ".unfinished-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.move(dataDirectory, aside);
    log.warn(
        "The database cluster in {} was never started: its creation was interrupted (a first start killed during initdb)."
            + " Set aside as {} and made anew; delete that directory when you like.",
        dataDirectory,
        aside);
  }

  /** Once the server runs: a database whose demo story was cut off on its first run is emptied. */
  static void startOverAnInterruptedDemo(EmbeddedPostgres postgres) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT to_regclass('public.first_start_demo') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return;
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM public.first_start_demo WHERE finished_at IS NULL")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
      log.warn(
          "The first start was stopped while it made the demo: everything in the database came from that start,"
              + " so it is emptied, migrated again and the demo made whole");
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not check the embedded database's demo: " + e.getMessage(), e);
    }
  }

  /**
   * Once the server runs: a database whose first migration was interrupted is emptied, so that it
   * runs again whole.
   */
  static void startOverAnInterruptedFirstMigration(EmbeddedPostgres postgres) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      boolean recorded;
      try (ResultSet rs =
          s.executeQuery("SELECT to_regclass('public.databasechangelog') IS NOT NULL")) {
        rs.next();
        recorded = rs.getBoolean(1);
      }
      if (recorded) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM public.databasechangelog WHERE id = '"
                    + FIRST_OF_OURS
                    + "'")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
      }
      long engineTables;
      long otherTables;
      try (ResultSet rs =
          s.executeQuery(
              """
          SELECT count(*) FILTER (WHERE c.relname LIKE 'act\\_%'),
                 count(*) FILTER (WHERE c.relname NOT LIKE 'act\\_%' AND c.relname NOT IN ('databasechangelog', 'databasechangeloglock'))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S', 'p')
          """)) {
        rs.next();
        engineTables = rs.getLong(1);
        otherTables = rs.getLong(2);
      }
      // Only the engine's tables, which its baseline creates and nothing fills before the tracker's
      // migration ends: anything else in the database is someone's, and is never touched.
      if (engineTables == 0 || otherTables > 0) {
        return;
      }
      long tables = engineTables;
      log.warn(
          "The database's first migration was interrupted ({} relations, none of the tracker's change sets recorded):"
              + " nothing in it was anyone's yet, so it is emptied and migrated again from the start",
          tables);
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not check the embedded database's first migration: " + e.getMessage(), e);
    }
  }

  private static boolean empty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
