package org.bucn.tracker.cosigning;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The sign-on as anyone may read it: whether it is open, how many organisations and individuals
 * co-sign the letters, and those who agreed to be listed publicly. Never an e-mail address.
 */
public record PublicSignatories(
    long campaignId,
    String campaignTitle,
    boolean open,
    OffsetDateTime closesAt,
    int organisations,
    int individuals,
    List<Listed> signatories) {

  /** A signatory who agreed to be named here: an organisation (with its signer) or a person. */
  public record Listed(
      String organisation, String country, String website, String name, String title) {}
}
