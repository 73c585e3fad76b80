package org.bucn.tracker.notification;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * Reads an SMTP server's reply code out of a failed send: 5xx is a permanent refusal, anything else
 * may pass.
 */
final class SmtpRefusal {

  private SmtpRefusal() {}

  static OptionalInt permanentCode(Throwable failure) {
    for (Throwable t : causes(failure)) {
      int code = code(t);
      if (code >= 500 && code < 600) {
        return OptionalInt.of(code);
      }
    }
    return OptionalInt.empty();
  }

  /** The server's own words, on one line: what the sender is shown. */
  static String describe(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (code(t) > 0) {
        return t.getMessage().replaceAll("\\s+", " ").trim();
      }
    }
    return String.valueOf(failure.getMessage());
  }

  private static int code(Throwable t) {
    if (t instanceof SMTPAddressFailedException e) {
      return e.getReturnCode();
    }
    if (t instanceof SMTPSenderFailedException e) {
      return e.getReturnCode();
    }
    if (t instanceof SMTPSendFailedException e) {
      return e.getReturnCode();
    }
    return -1;
  }

  /**
   * The failure, its causes, the failures Spring collected per message and the exceptions chained
   * to each.
   */
  private static List<Throwable> causes(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    List<Throwable> all = new ArrayList<>();
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      List<Throwable> next = new ArrayList<>();
      next.add(t.getCause());
      if (t instanceof MailSendException e) {
        next.addAll(e.getFailedMessages().values());
      }
      if (t instanceof MessagingException e) {
        next.add(e.getNextException());
      }
      next.stream().filter(Objects::nonNull).forEach(todo::add);
    }
    return all;
  }
}
