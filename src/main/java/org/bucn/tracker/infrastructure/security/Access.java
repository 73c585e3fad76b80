package org.bucn.tracker.infrastructure.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.user.Role;
import org.springframework.http.HttpMethod;

/**
 * The rules modules declare ({@link AccessRules}). A path is written once, as the page has it
 * ({@code /tasks/*}/assign}); {@link #pagesAndApi} applies the rule to the page and to its API twin
 * under {@code /api}, so the two cannot drift apart.
 */
public final class Access {

  /** Which requests a rule covers. */
  public enum Methods {
    ANY(),
    READS(HttpMethod.GET, HttpMethod.HEAD),
    WRITES(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE),
    POST(HttpMethod.POST),
    DELETE(HttpMethod.DELETE);

    final List<HttpMethod> methods;

    Methods(HttpMethod... methods) {
      this.methods = List.of(methods);
    }
  }

  enum Surface {
    PAGES,
    API
  }

  /** One rule: these requests, for these roles (none: anyone, logged in or not). */
  record Rule(Set<Surface> surfaces, Methods methods, List<String> paths, Set<Role> roles) {

    /** The paths as requested on one surface: an API path is the page's under {@code /api}. */
    List<String> paths(Surface surface) {
      return surface == Surface.API ? paths.stream().map(p -> "/api" + p).toList() : paths;
    }

    /**
     * A rule naming no {@code **} is more specific and is tried first: Spring tries rules in order.
     */
    boolean broad() {
      return paths.stream().anyMatch(p -> p.contains("**"));
    }
  }

  /** The paths a rule is being declared for; {@link #allow} or {@link #allowAnyone} ends it. */
  public final class Paths {
    private final Set<Surface> surfaces;
    private final Methods methods;
    private final List<String> paths;

    private Paths(Set<Surface> surfaces, Methods methods, String... paths) {
      this.surfaces = surfaces;
      this.methods = methods;
      this.paths = List.of(paths);
    }

    public void allow(Role... roles) {
      if (roles.length == 0) {
        throw new IllegalArgumentException("Name the roles, or allowAnyone(), for " + paths);
      }
      rules.add(new Rule(surfaces, methods, paths, EnumSet.copyOf(Arrays.asList(roles))));
    }

    public void allowAnyone() {
      rules.add(new Rule(surfaces, methods, paths, Set.of()));
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  public Paths pagesAndApi(Methods methods, String... paths) {
    return new Paths(EnumSet.allOf(Surface.class), methods, paths);
  }

  public Paths pagesAndApi(String... paths) {
    return pagesAndApi(Methods.ANY, paths);
  }

  public Paths pages(Methods methods, String... paths) {
    return new Paths(EnumSet.of(Surface.PAGES), methods, paths);
  }

  public Paths pages(String... paths) {
    return pages(Methods.ANY, paths);
  }

  /** Paths of the API only, written without their {@code /api} prefix. */
  public Paths api(Methods methods, String... paths) {
    return new Paths(EnumSet.of(Surface.API), methods, paths);
  }

  /** Every module's rules, the specific ones first, each module's in the order it wrote them. */
  static List<Rule> of(List<AccessRules> modules) {
    Access access = new Access();
    modules.forEach(module -> module.declare(access));
    return access.rules.stream().sorted(Comparator.comparing(Rule::broad)).toList();
  }
}
