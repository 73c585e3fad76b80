package org.bucn.tracker.cosigning;

/**
 * A mail to a signer (the link to confirm, then the link to withdraw), published in the transaction
 * that recorded the signature: it goes out only if that commits.
 */
public record SignerMail(String to, String subject, String body) {}
