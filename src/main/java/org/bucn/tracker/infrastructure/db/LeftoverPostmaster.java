package org.bucn.tracker.infrastructure.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server that an earlier tracker process started on our data directory and left
 * running when it died without stopping it (kill -9, the OOM killer, a power cut of the JVM only).
 * The embedded server outlives its JVM; without this the next start waits for a data directory that
 * another postmaster holds and gives up.
 */
final class LeftoverPostmaster {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

  /** A fast shutdown rolls back open transactions and writes a checkpoint: seconds at most. */
  static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

  private LeftoverPostmaster() {}

  /**
   * Stops the postmaster named in {@code dataDir/postmaster.pid} if it is alive and serves this
   * directory; true when there was one to stop.
   */
  static boolean stopIfRunning(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    List<String> lines;
    try {
      lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + pidFile + ": " + e.getMessage(), e);
    }
    if (lines.size() < 2) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      log.warn(
          "{} does not start with a process id; PostgreSQL will decide whether it is stale",
          pidFile);
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      log.info(
          "PostgreSQL was not stopped cleanly last time (pid {} is gone); it recovers from its log on this start",
          pid);
      return false;
    }
    if (!sameDirectory(Path.of(lines.get(1).trim()), dataDir) || !isPostgres(process.get())) {
      // The id was reused by an unrelated process: PostgreSQL itself sees that the file is stale.
      log.info(
          "{} names pid {}, which is not a PostgreSQL server of this data directory; leaving it alone",
          pidFile,
          pid);
      return false;
    }
    log.warn(
        "PostgreSQL (pid {}) of {} is still running from an earlier tracker process that ended without stopping it;"
            + " stopping it (fast shutdown) before starting again",
        pid,
        dataDir);
    stop(process.get());
    log.info("Leftover PostgreSQL (pid {}) stopped; starting the embedded database", pid);
    return true;
  }

  private static void stop(ProcessHandle postmaster) {
    // SIGINT is PostgreSQL's fast shutdown; SIGTERM (ProcessHandle.destroy) would wait for clients.
    if (signal("INT", postmaster) && waitForExit(postmaster, FAST_SHUTDOWN)) {
      return;
    }
    log.warn(
        "PostgreSQL (pid {}) did not stop within {}; sending an immediate shutdown",
        postmaster.pid(),
        FAST_SHUTDOWN);
    if (signal("QUIT", postmaster) && waitForExit(postmaster, FAST_SHUTDOWN)) {
      return;
    }
    postmaster.destroyForcibly();
    if (!waitForExit(postmaster, FAST_SHUTDOWN)) {
      throw new IllegalStateException(
          "PostgreSQL (pid "
              + postmaster.pid()
              + ") left running by an earlier tracker process cannot be stopped; stop it and start again");
    }
  }

  private static boolean signal(String signal, ProcessHandle process) {
    try {
      return new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
          .redirectErrorStream(true)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      log.warn("Cannot send SIG{} to pid {}: {}", signal, process.pid(), e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean sameDirectory(Path named, Path ours) {
    try {
      return Files.isSameFile(named, ours);
    } catch (IOException e) {
      return named.toAbsolutePath().normalize().equals(ours.toAbsolutePath().normalize());
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    // Where the OS does not tell the command, the data directory in the pid file is enough.
    return process
        .info()
        .command()
        .map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
        .orElse(true);
  }
}
