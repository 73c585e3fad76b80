package org.bucn.tracker.infrastructure.security;

/**
 * Who may call which of a module's URLs, declared next to the module's controllers (one {@code
 * *Access} component per module). The security configuration applies every module's rules to the
 * pages and to the API alike, before its own fallbacks: anything not declared needs a logged-in
 * person, and GET on the API any role.
 */
public interface AccessRules {

  void declare(Access access);
}
