package org.bucn.tracker.infrastructure.security;

import java.util.List;
import java.util.function.Supplier;
import org.bucn.tracker.user.Actor;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on a person's behalf, so that Camunda's user operation log names them; the
 * engine's groups are our role names.
 */
@Component
public class EngineIdentity {

  private final IdentityService identity;

  EngineIdentity(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T as(Actor actor, Supplier<T> work) {
    identity.setAuthentication(
        actor.username(), List.copyOf(actor.roles().stream().map(Enum::name).toList()));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void run(Actor actor, Runnable work) {
    as(
        actor,
        () -> {
          work.run();
          return null;
        });
  }
}
