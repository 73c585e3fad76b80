package org.bucn.tracker;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The tracker's own settings (see the configuration table in README.md).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param demo demo users and data; {@code null} means "on with the embedded database"
 * @param adminPassword password of the first admin when the user table is empty and demo mode is
 *     off
 * @param publicBaseUrl the URL people reach the tracker at, for links in mails and reports
 * @param mail how and when mail goes out
 * @param evidence how large an evidence file may be
 * @param imap the mailbox replies are read from
 * @param oidc single sign-on through an OpenID Connect provider
 * @param localLogin whether people log in with a password here; when off only admins may
 *     (break-glass)
 * @param postgresBinaries where the embedded PostgreSQL's programs are unpacked (a directory of
 *     this user's own, mode 0700); unset: {@code postgres-binaries} in the data directory
 * @param allowedHosts more names the tracker answers to besides the host of {@code publicBaseUrl}
 *     and the loopback names (comma-separated; {@code TRACKER_ALLOWED_HOSTS})
 * @param sessionLifetime how long a page session lasts after its login, however busy ({@code
 *     TRACKER_SESSION_LIFETIME}, 12 hours)
 * @param restoreFrom a backup the embedded database's empty data directory is made from at start
 *     ({@code TRACKER_RESTORE_FROM}; docs/operations.md)
 */
@ConfigurationProperties(prefix = "tracker")
public record TrackerProperties(
    Path dataDir,
    Boolean demo,
    String adminPassword,
    String publicBaseUrl,
    Mail mail,
    Evidence evidence,
    Imap imap,
    Oidc oidc,
    Boolean localLogin,
    Path postgresBinaries,
    String allowedHosts,
    Duration sessionLifetime,
    Path restoreFrom) {

  /** Where the embedded PostgreSQL's programs are unpacked. */
  public Path postgresBinariesDirectory() {
    return (postgresBinaries != null ? postgresBinaries : dataDir.resolve("postgres-binaries"))
        .toAbsolutePath();
  }

  /**
   * Single sign-on ({@code TRACKER_OIDC_*}); off while {@code issuer} is empty.
   *
   * @param name what the login page's button says: "Sign in with {name}"
   * @param autoCreate an unknown person who signs in becomes a user without roles, instead of being
   *     refused
   * @param rolesClaim a claim of the ID token or user info that lists the person's roles; empty:
   *     the tracker's own
   */
  public record Oidc(
      String issuer,
      String clientId,
      String clientSecret,
      String name,
      Boolean autoCreate,
      String rolesClaim) {

    public boolean enabled() {
      return issuer != null && !issuer.isBlank();
    }

    public boolean rolesFromClaim() {
      return rolesClaim != null && !rolesClaim.isBlank();
    }
  }

  /**
   * Password login for everyone (the default), or for admins alone when single sign-on is how
   * people log in.
   */
  public boolean passwordLoginForEveryone() {
    return localLogin == null || localLogin;
  }

  /**
   * @param maxSize the largest evidence file accepted ({@code TRACKER_EVIDENCE_MAX_SIZE}); larger
   *     ones are answered 413
   */
  public record Evidence(DataSize maxSize) {}

  /**
   * The mailbox replies to appeals arrive in ({@code TRACKER_IMAP_*}); off while {@code host} is
   * empty.
   *
   * @param security {@code TLS} (IMAPS, the default), {@code STARTTLS}, or {@code NONE} for a test
   *     server on loopback
   * @param poll how often the mailbox is read
   * @param trustedServer the name (authserv-id) the receiving mail server writes in the {@code
   *     Authentication-Results} header of each mail; a reply is filed by itself only when that
   *     server recorded its sender's domain as passing DMARC or aligned DKIM or SPF ({@code
   *     TRACKER_IMAP_TRUSTED_SERVER})
   */
  public record Imap(
      String host,
      Integer port,
      String username,
      String password,
      String folder,
      String security,
      Duration poll,
      String trustedServer) {

    public boolean enabled() {
      return host != null && !host.isBlank();
    }
  }

  /**
   * Mail settings ({@code tracker.mail.*}); the SMTP server itself is Spring Boot's {@code
   * spring.mail.*}.
   *
   * @param from the sender address of every mail
   * @param poll how often queued mail is sent
   * @param retryBase the first pause after a failed send (doubling, at most an hour)
   * @param digestCron when the daily digests go out (server time)
   */
  public record Mail(String from, Duration poll, Duration retryBase, String digestCron) {}

  /** The address of a page as people open it from a mail, e.g. {@code link("/tasks/42")}. */
  public String link(String path) {
    return publicBaseUrl.replaceAll("/+$", "") + path;
  }
}
