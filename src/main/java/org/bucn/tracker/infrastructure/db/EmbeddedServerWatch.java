package org.bucn.tracker.infrastructure.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bucn.tracker.TrackerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded PostgreSQL server restarted when it died under a running tracker (its postmaster
 * killed, the OOM killer): before, every request answered 503 until a person restarted the tracker.
 * Every few seconds the postmaster named in {@code postmaster.pid} is looked at; gone without
 * having removed that file (a clean stop removes it), it is started again with {@code pg_ctl
 * restart}, which reads the command line the server last ran with ({@code postmaster.opts}: the
 * same port, so the connection pool finds it again) and recovers from the WAL. A server that cannot
 * start (a full disk) is tried again at each look, and the log says why.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedServerWatch {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServerWatch.class);

  private final Path directory;
  private volatile boolean closing;

  EmbeddedServerWatch(TrackerProperties properties) {
    this.directory = properties.dataDir().resolve(DatabaseBackup.CLUSTER).toAbsolutePath();
  }

  @EventListener(ContextClosedEvent.class)
  void closing() {
    closing = true;
  }

  @Scheduled(fixedDelayString = "${tracker.database-watch:PT5S}")
  void restartIfDead() {
    if (closing || !died()) {
      return;
    }
    log.error(
        "The embedded PostgreSQL of {} died under the running tracker; starting it again",
        directory);
    long started = System.nanoTime();
    try {
      // postmaster.opts: the server's path (spaces and all), then its arguments, each quoted.
      String opts = Files.readString(directory.resolve("postmaster.opts")).strip();
      int arguments = opts.indexOf(" \"");
      Path postgres = Path.of(arguments < 0 ? opts : opts.substring(0, arguments));
      Path pgCtl = postgres.resolveSibling("pg_ctl");
      // The server's own output to a file beside the data: a pipe would outlive pg_ctl.
      Path serverLog = directory.resolveSibling("postgres-restarts.log");
      List<String> command = new ArrayList<>();
      // As zonky starts it: run by root, PostgreSQL's programs refuse to work unless in a user
      // namespace of their own.
      if (LinuxUtils.isUnshareAvailable()) {
        command.addAll(List.of("unshare", "-U"));
      }
      command.addAll(
          List.of(
              pgCtl.toString(),
              "-D",
              directory.toString(),
              "-l",
              serverLog.toString(),
              "-w",
              "-t",
              "120",
              "restart"));
      Process restart =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
              .start();
      if (!restart.waitFor(150, TimeUnit.SECONDS) || restart.exitValue() != 0) {
        restart.destroy();
        log.error(
            "The embedded PostgreSQL did not start again; trying again shortly (its output: {})",
            serverLog);
        return;
      }
      log.warn(
          "The embedded PostgreSQL runs again after {} ms (crash recovery included)",
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      log.error("Cannot start the embedded PostgreSQL again: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A pid file whose process is gone: the server ended without its clean shutdown. */
  private boolean died() {
    Path pidFile = directory.resolve("postmaster.pid");
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      if (lines.isEmpty() || closing) {
        return false;
      }
      long pid = Long.parseLong(lines.get(0).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()
          && Files.exists(pidFile);
    } catch (IOException | NumberFormatException e) {
      return false; // being written or removed this instant: looked at again shortly
    }
  }
}
