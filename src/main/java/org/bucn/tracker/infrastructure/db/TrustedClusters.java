package org.bucn.tracker.infrastructure.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data directories made by earlier versions trusted every local user ({@code pg_hba.conf}: {@code
 * trust}): anyone on the machine could connect as superuser. On the first start of this version
 * such a cluster gets the superuser password and password authentication, and reloads its
 * configuration; nothing else changes and no restart is needed.
 */
final class TrustedClusters {

  private static final Logger log = LoggerFactory.getLogger(TrustedClusters.class);

  private TrustedClusters() {}

  static void lockDown(EmbeddedPostgres postgres, Path dataDirectory, String password)
      throws IOException {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    List<String> lines = Files.readAllLines(hba);
    if (lines.stream().noneMatch(TrustedClusters::trusts)) {
      return;
    }
    log.warn(
        "The embedded PostgreSQL in {} trusted every local user; it now asks for the password kept beside it",
        dataDirectory);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      // The password is ours (Base64url, no quote can occur); DDL takes no parameters.
      s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
      Files.write(
          hba,
          lines.stream()
              .map(line -> trusts(line) ? line.replaceAll("\\btrust\\b", "scram-sha-256") : line)
              .toList());
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not give the embedded PostgreSQL a password: " + e.getMessage(), e);
    }
  }

  private static boolean trusts(String line) {
    String rule = line.strip();
    return !rule.startsWith("#") && rule.matches(".*\\btrust\\b.*");
  }
}
