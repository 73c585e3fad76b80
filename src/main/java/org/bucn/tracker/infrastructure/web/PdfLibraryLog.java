package org.bucn.tracker.infrastructure.web;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF library's log through the tracker's: by default it writes six lines of its own to the
 * console for every letter, past the log's format and its guard against forged lines. Its loggers
 * keep their names ({@code com.openhtmltopdf.load}, …), at the level {@code logging.level} gives
 * them (warnings and errors by default). Written here because the library's own bridge ({@code
 * openhtmltopdf-slf4j}) is not served by the Maven repository this project builds from.
 */
final class PdfLibraryLog implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    LoggerFactory.getLogger(where).atLevel(levelOf(level)).setCause(error).log(message);
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are the tracker's logging configuration's to set.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    return logger.isEnabledForLevel(levelOf(diagnostic.getLevel()));
  }

  static org.slf4j.event.Level levelOf(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return org.slf4j.event.Level.ERROR;
    }
    if (value >= Level.WARNING.intValue()) {
      return org.slf4j.event.Level.WARN;
    }
    if (value >= Level.INFO.intValue()) {
      return org.slf4j.event.Level.INFO;
    }
    return value >= Level.FINE.intValue()
        ? org.slf4j.event.Level.DEBUG
        : org.slf4j.event.Level.TRACE;
  }
}
