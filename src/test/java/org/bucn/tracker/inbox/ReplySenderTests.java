package org.bucn.tracker.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may be filed as an office's answer by itself: its address or domain, vouched for by the
 * trusted receiving server. No database.
 */
class ReplySenderTests {

  static final String MX = "mx.bucn.example";

  @Test
  void aReplyFromTheOfficesDomainThatPassedDmarcAtTheTrustedServerIsVerified() {
    assertThat(
            ReplySender.problem(
                "kabinet@gov.example",
                "office@gov.example",
                List.of(
                    "mx.bucn.example; dmarc=pass (p=reject dis=none) header.from=gov.example; spf=pass smtp.mailfrom=gov.example"),
                MX))
        .isEmpty();
    assertThat(
            ReplySender.problem(
                "office@mfa.gov.example",
                "office@gov.example",
                List.of("mx.bucn.example 1; dkim=pass header.d=mfa.gov.example header.s=sel"),
                MX))
        .as("a subdomain, aligned DKIM")
        .isEmpty();
    assertThat(
            ReplySender.problem(
                "pm.office@gmail.com",
                "pm.office@gmail.com",
                List.of("mx.bucn.example; spf=pass smtp.mailfrom=gmail.com"),
                MX))
        .as("the exact address at a shared service")
        .isEmpty();
  }

  @Test
  void anOutsiderOrAnUnvouchedMailWaitsSayingWhy() {
    assertThat(
            ReplySender.problem(
                "outsider@evil.example",
                "office@gov.example",
                List.of("mx.bucn.example; dmarc=pass header.from=evil.example"),
                MX))
        .get()
        .asString()
        .contains("is not the office's address");
    assertThat(
            ReplySender.problem(
                "someone@gmail.com",
                "pm.office@gmail.com",
                List.of("mx.bucn.example; dmarc=pass header.from=gmail.com"),
                MX))
        .as("a shared service's domain is no office's")
        .isPresent();
    assertThat(ReplySender.problem("office@gov.example", "office@gov.example", List.of(), MX))
        .get()
        .asString()
        .contains("recorded no Authentication-Results");
    assertThat(
            ReplySender.problem(
                "office@gov.example",
                "office@gov.example",
                List.of("mx.attacker.example; dmarc=pass header.from=gov.example"),
                MX))
        .as("another server's word")
        .isPresent();
    assertThat(
            ReplySender.problem(
                "office@gov.example",
                "office@gov.example",
                List.of(
                    "mx.bucn.example; dmarc=fail header.from=gov.example; spf=softfail smtp.mailfrom=gov.example"),
                MX))
        .get()
        .asString()
        .contains("passed neither DMARC");
    assertThat(
            ReplySender.problem(
                "office@gov.example",
                "office@gov.example",
                List.of(
                    "mx.bucn.example; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=evil.example"),
                MX))
        .as("checks passed for another domain")
        .isPresent();
    assertThat(
            ReplySender.problem(
                "office@gov.example",
                "office@gov.example",
                List.of("mx.bucn.example; dmarc=pass header.from=gov.example"),
                null))
        .get()
        .asString()
        .contains("TRACKER_IMAP_TRUSTED_SERVER");
    assertThat(ReplySender.problem("office@gov.example", null, List.of(), MX))
        .get()
        .asString()
        .contains("no e-mail address");
  }

  @Test
  void theTopmostHeaderOfTheTrustedServerCountsNotOneAddedBelowIt() {
    assertThat(
            ReplySender.problem(
                "office@gov.example",
                "office@gov.example",
                List.of(
                    "mx.bucn.example; dmarc=fail header.from=gov.example",
                    "mx.bucn.example; dmarc=pass header.from=gov.example"),
                MX))
        .isPresent();
  }
}
