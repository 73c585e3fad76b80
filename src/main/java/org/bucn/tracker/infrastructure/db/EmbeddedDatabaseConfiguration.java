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

  /** Closed by Spring after every bean that uses the data source, so the engine stops first. */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(TrackerProperties properties) throws IOException {
    Path directory = properties.dataDir().resolve("postgres").toAbsolutePath();
    Files.createDirectories(directory.getParent());
    LeftoverPostmaster.stopIfRunning(directory);
    log.info("Starting embedded PostgreSQL with its data in {}", directory);
    return EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        // zonky turns both off for speed; recorded appeals must survive a crash.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "100")
        // Spring stops the job executor before the database; a JVM hook would race it.
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("tracker-embedded");
    return dataSource;
  }
}
