package org.bucn.tracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bucn.tracker.infrastructure.security.Access.Methods;
import org.bucn.tracker.infrastructure.security.Access.Surface;
import org.bucn.tracker.user.Role;
import org.junit.jupiter.api.Test;

/**
 * A module's rule is written once and holds for its page and its API twin; specific rules are tried
 * first.
 */
class AccessTests {

  @Test
  void oneDeclarationCoversThePageAndTheApiAndTheSpecificRuleComesFirst() {
    AccessRules broadFirst =
        access -> {
          access.pagesAndApi("/tasks", "/tasks/**").allow(Role.COORDINATOR, Role.ADVOCATE);
          access.pagesAndApi(Methods.POST, "/tasks/*/assign").allow(Role.COORDINATOR);
        };
    AccessRules pageOnly = access -> access.pages(Methods.READS, "/public/**").allowAnyone();

    List<Access.Rule> rules = Access.of(List.of(broadFirst, pageOnly));

    assertThat(rules.get(0).paths(Surface.PAGES)).containsExactly("/tasks/*/assign");
    assertThat(rules.get(0).paths(Surface.API)).containsExactly("/api/tasks/*/assign");
    assertThat(rules.get(0).roles()).containsExactly(Role.COORDINATOR);
    assertThat(rules)
        .extracting(rule -> rule.paths(Surface.PAGES).get(0))
        .containsExactly("/tasks/*/assign", "/tasks", "/public/**");
    assertThat(rules.get(2).surfaces()).containsExactly(Surface.PAGES);
    assertThat(rules.get(2).roles()).as("anyone").isEmpty();
  }

  @Test
  void aRuleNamesItsRolesOrSaysAnyone() {
    assertThatThrownBy(() -> Access.of(List.of(access -> access.pagesAndApi("/inbox/**").allow())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/inbox/**");
  }
}
