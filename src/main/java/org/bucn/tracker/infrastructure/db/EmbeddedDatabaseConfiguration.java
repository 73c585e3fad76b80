package org.bucn.tracker.infrastructure.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the application when no external database is configured, so
 * that a machine with only a JDK runs the tracker on the same database engine as production.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  /** The superuser's password, beside the data directory ({@link DatabasePassword}). */
  static final String PASSWORD_FILE = "postgres.password";

  /**
   * Closed by Spring after every bean that uses the data source, so the engine stops first. The
   * server listens on loopback only and asks for the superuser's password (SCRAM), so another user
   * of the machine can neither read the data nor run programs as the database.
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(TrackerProperties properties) throws IOException {
    Path directory = properties.dataDir().resolve("postgres").toAbsolutePath();
    Files.createDirectories(directory.getParent());
    DatabaseRestore.restoreIfAsked(properties.restoreFrom(), directory.getParent());
    long stopping = System.nanoTime();
    if (LeftoverPostmaster.stopIfRunning(directory)) {
      StartPhases.took("a crashed run's database server stopped", stopping);
    }
    UnfinishedFirstStart.setAsideUnfinishedCluster(directory);
    Path passwordFile = passwordFile(properties);
    String password = DatabasePassword.of(passwordFile);
    log.info("Starting embedded PostgreSQL with its data in {}", directory);
    Path binaries = PostgresBinaries.privateDirectory(properties.postgresBinariesDirectory());
    long starting = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            // Its programs in a directory only this user may write, checked against the shipped
            // archive before use.
            .setOverrideWorkingDirectory(binaries.toFile())
            .setPgBinaryResolver(PostgresBinaries.verifying(binaries))
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            // initdb of a new data directory: password (SCRAM) authentication, for local sockets
            // too.
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString())
            .setConnectConfig("password", password)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("password_encryption", "scram-sha-256")
            // zonky turns both off for speed; recorded appeals must survive a crash.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            // Spring stops the job executor before the database; a JVM hook would race it.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    StartPhases.took("database server started (crash recovery included)", starting);
    // zonky opens its working directory to everyone as it unpacks: closed again.
    PostgresBinaries.privateDirectory(binaries);
    TrustedClusters.lockDown(postgres, directory, password);
    UnfinishedFirstStart.startOverAnInterruptedFirstMigration(postgres);
    UnfinishedFirstStart.startOverAnInterruptedDemo(postgres);
    return postgres;
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres, TrackerProperties properties)
      throws IOException {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword(DatabasePassword.of(passwordFile(properties)));
    dataSource.setPoolName("tracker-embedded");
    return dataSource;
  }

  private static Path passwordFile(TrackerProperties properties) {
    return properties.dataDir().resolve(PASSWORD_FILE).toAbsolutePath();
  }
}
