package org.bucn.tracker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tracker's own settings (see the configuration table in README.md).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param demo demo users and data; {@code null} means "on with the embedded database"
 * @param adminPassword password of the first admin when the user table is empty and demo mode is off
 * @param publicBaseUrl the URL people reach the tracker at, for links in mails and reports
 */
@ConfigurationProperties(prefix = "tracker")
public record TrackerProperties(Path dataDir, Boolean demo, String adminPassword, String publicBaseUrl) {

  /** The address of a page as people open it from a mail, e.g. {@code link("/tasks/42")}. */
  public String link(String path) {
    return publicBaseUrl.replaceAll("/+$", "") + path;
  }
}
