package org.bucn.tracker.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a reply to a letter really comes from the office it was sent to, before it is filed as
 * that office's answer by itself. Two things must hold: the sender is the office's directory
 * address or of its domain; and the receiving mail server, named by {@code trustedServer} (the
 * authserv-id it writes), recorded in its {@code Authentication-Results} header (RFC 8601) that the
 * sender's domain passed DMARC, or DKIM or SPF aligned with it. A From header alone proves nothing:
 * anyone can write it. Anything else waits for a coordinator, saying why.
 */
final class ReplySender {

  /**
   * Mail services anyone can have an address at: an office using one is matched by its exact
   * address only, never by the domain.
   */
  static final java.util.Set<String> SHARED_MAIL_DOMAINS =
      java.util.Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.com",
          "outlook.com",
          "hotmail.com",
          "live.com",
          "msn.com",
          "icloud.com",
          "me.com",
          "aol.com",
          "gmx.com",
          "gmx.net",
          "gmx.de",
          "proton.me",
          "protonmail.com",
          "yandex.ru",
          "yandex.com",
          "mail.ru",
          "abv.bg",
          "t-online.de",
          "web.de",
          "zoho.com",
          "ukr.net",
          "i.ua");

  private ReplySender() {}

  /** Why the reply cannot be filed by itself; empty when its sender is verified. */
  static Optional<String> problem(
      String fromAddress,
      String officeEmail,
      List<String> authenticationResults,
      String trustedServer) {
    String fromDomain = domain(fromAddress);
    if (fromDomain == null) {
      return Optional.of("sender not verified: the mail names no sender address");
    }
    String officeDomain = domain(officeEmail);
    if (officeDomain == null) {
      return Optional.of(
          "sender not verified: the office has no e-mail address in the directory to compare "
              + fromAddress
              + " with");
    }
    boolean sameAddress = fromAddress.strip().equalsIgnoreCase(officeEmail.strip());
    boolean sameDomain =
        !SHARED_MAIL_DOMAINS.contains(officeDomain)
            && (fromDomain.equals(officeDomain) || fromDomain.endsWith("." + officeDomain));
    if (!sameAddress && !sameDomain) {
      return Optional.of(
          "sender not verified: "
              + fromAddress
              + " is not the office's address ("
              + officeEmail
              + ")"
              + (SHARED_MAIL_DOMAINS.contains(officeDomain) ? "" : " nor of its domain"));
    }
    if (trustedServer == null || trustedServer.isBlank()) {
      return Optional.of(
          "sender not verified: no receiving mail server is trusted to check senders (set TRACKER_IMAP_TRUSTED_SERVER)");
    }
    Optional<Map<String, Result>> results =
        authenticationResults.stream()
            .map(ReplySender::parse)
            .filter(parsed -> parsed.server().equalsIgnoreCase(trustedServer.strip()))
            .findFirst()
            .map(Parsed::results);
    if (results.isEmpty()) {
      return Optional.of(
          "sender not verified: "
              + trustedServer.strip()
              + " recorded no Authentication-Results for this mail");
    }
    Map<String, Result> checked = results.get();
    Result dmarc = checked.get("dmarc");
    if (dmarc != null
        && dmarc.passed()
        && (dmarc.domain("header.from") == null
            || aligned(fromDomain, dmarc.domain("header.from")))) {
      return Optional.empty();
    }
    Result dkim = checked.get("dkim");
    if (dkim != null
        && dkim.passed()
        && dkim.domain("header.d") != null
        && aligned(fromDomain, dkim.domain("header.d"))) {
      return Optional.empty();
    }
    Result spf = checked.get("spf");
    if (spf != null
        && spf.passed()
        && spf.domain("smtp.mailfrom") != null
        && aligned(fromDomain, spf.domain("smtp.mailfrom"))) {
      return Optional.empty();
    }
    return Optional.of(
        "sender not verified: "
            + fromDomain
            + " passed neither DMARC nor an aligned DKIM or SPF check at "
            + trustedServer.strip());
  }

  /** One method's result ("pass", "fail" …) and its properties ("header.d" → "gov.example"). */
  record Result(String result, Map<String, String> properties) {

    boolean passed() {
      return "pass".equals(result);
    }

    String domain(String property) {
      return ReplySender.domain(properties.get(property));
    }
  }

  record Parsed(String server, Map<String, Result> results) {}

  /**
   * "mx.example.org 1; dmarc=pass (p=reject) header.from=gov.example; dkim=pass
   * header.d=gov.example": the first result of each method.
   */
  static Parsed parse(String header) {
    String value = header.replaceAll("\\([^()]*\\)", " ").replaceAll("\\s+", " ").strip();
    String[] parts = value.split(";");
    String server = parts[0].strip().split(" ")[0];
    Map<String, Result> results = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] tokens = parts[i].strip().split(" ");
      String[] method = tokens[0].split("=", 2);
      if (method.length < 2) {
        continue;
      }
      Map<String, String> properties = new HashMap<>();
      for (int t = 1; t < tokens.length; t++) {
        String[] property = tokens[t].split("=", 2);
        if (property.length == 2) {
          properties.put(property[0].toLowerCase(Locale.ROOT), property[1].replace("\"", ""));
        }
      }
      results.putIfAbsent(
          method[0].strip().toLowerCase(Locale.ROOT).replaceAll("/.*", ""),
          new Result(method[1].strip().toLowerCase(Locale.ROOT), properties));
    }
    return new Parsed(server, results);
  }

  /** The domain of an address or of a bare domain, lower case; null when there is none. */
  static String domain(String addressOrDomain) {
    if (addressOrDomain == null || addressOrDomain.isBlank()) {
      return null;
    }
    String value = addressOrDomain.strip();
    int at = value.lastIndexOf('@');
    String domain =
        (at >= 0 ? value.substring(at + 1) : value).replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
    return domain.isEmpty() || domain.contains(" ") ? null : domain;
  }

  /**
   * Relaxed alignment: the same domain, or one a subdomain of the other ("mfa.gov.example" and
   * "gov.example").
   */
  static boolean aligned(String a, String b) {
    return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
  }
}
