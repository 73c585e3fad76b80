package org.bucn.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each table has one owning module, named in the schema itself ({@code COMMENT ON TABLE … IS
 * 'owner: appeal'}); only that module's code names the table in SQL. Other modules read the views
 * the owner publishes, and write nothing of it. Camunda's tables are the engine's: no SQL of ours
 * names them.
 */
@TrackerTest
class TableOwnershipTests {

  static final Path MAIN = Path.of("src/main/java/org/bucn/tracker");
  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  /** A relation named in SQL, with or without its schema ({@code public.appeal}), quoted or not. */
  private static final Pattern RELATION =
      Pattern.compile(
          "(?i)\\b(from|join|update|into|delete\\s+from|table)\\s+(?:\"?[a-z_][a-z0-9_]*\"?\\s*\\.\\s*)?\"?([a-z_][a-z0-9_]*)\"?");

  /** A relation of the schema and the module its comment names. */
  record Relation(String name, boolean view, String owner) {}

  /** One place where code names a relation it does not own. */
  record Trespass(
      String file, String module, String statementKind, String relation, String owner) {}

  @Autowired JdbcClient jdbc;

  @Test
  void everyTableAndViewNamesAnOwnerThatIsAModule() {
    List<String> modules =
        ModularityTests.MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
    List<String> unowned = new ArrayList<>();
    for (Relation relation : relations().values()) {
      if (relation.owner() == null || !modules.contains(relation.owner())) {
        unowned.add(relation.name() + " (owner: " + relation.owner() + ")");
      }
    }
    assertThat(unowned)
        .as("tables and views without an owning module (COMMENT ON … IS 'owner: <module>')")
        .isEmpty();
    assertThat(relations()).containsKeys("appeal", "work_item", "appeal_overview", "open_task");
  }

  /**
   * The table of published views in docs/architecture.md lists every view there is, with its owner,
   * and no other.
   */
  @Test
  void theArchitectureDocumentListsEveryPublishedViewWithItsOwner() throws IOException {
    Map<String, String> documented = new java.util.TreeMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([a-z]+) \\|")
            .matcher(Files.readString(Path.of("docs/architecture.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Map<String, String> views = new java.util.TreeMap<>();
    relations().values().stream()
        .filter(Relation::view)
        .forEach(v -> views.put(v.name(), v.owner()));
    assertThat(documented).as("the views table of docs/architecture.md").isEqualTo(views);
  }

  @Test
  void noModuleNamesAnotherModulesTablesInSql() throws IOException {
    List<Trespass> trespasses = trespasses(MAIN, relations());
    assertThat(trespasses)
        .as("SQL naming another module's tables; read its published view or call its API instead")
        .isEmpty();
  }

  /**
   * The check above can fail: the dashboard reading the appeal's tables, not its published views.
   */
  @Test
  void theCheckFindsATrespass() throws IOException {
    Path dir = Files.createTempDirectory("ownership").resolve("dashboard");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("Sample.java"),
        """
        class Sample {
          String sql = \"""
              SELECT w.task_id FROM work_item w JOIN appeal a ON a.id = w.appeal_id
              \""";
          String write = "UPDATE appeal_overview SET stage = 'CLOSED'";
          String engine = "SELECT * FROM act_ru_task";
        }
        """);
    assertThat(trespasses(dir.getParent(), relations()))
        .extracting(Trespass::relation)
        .containsExactlyInAnyOrder("work_item", "appeal", "appeal_overview", "act_ru_task");
  }

  /**
   * Reading another module's published view is allowed, but it is a dependency like a Java one: the
   * reading module declares it ({@code allowedDependencies}), whether the reading is SQL in its
   * code, a view of its own built on the other's tables, or a function of its own (a trigger's)
   * whose body names them. Functions name their owner as tables do.
   */
  @Test
  void everyModuleDeclaresTheModulesWhoseRelationsItsSqlReads() throws IOException {
    Map<String, java.util.Set<String>> undeclared = undeclared(sqlDependencies(MAIN));
    assertThat(undeclared)
        .as(
            "modules reading other modules' relations in SQL without declaring them (allowedDependencies)")
        .isEmpty();
  }

  /**
   * The check above can fail: code of the organisation module reading appeal's view,
   * schema-qualified, undeclared.
   */
  @Test
  void theDependencyCheckFindsUndeclaredSqlDependencies() throws IOException {
    Path dir = Files.createTempDirectory("sql-dependencies").resolve("organisation");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("Sample.java"),
        """
        class Sample {
          String sql = "SELECT id FROM public.appeal_overview";
        }
        """);
    assertThat(undeclared(javaSqlDependencies(dir.getParent(), relations())))
        .containsKey("organisation")
        .extractingByKey("organisation")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
        .contains("appeal");
    assertThat(trespasses(dir.getParent(), relations()))
        .as("a schema-qualified name is no way around the owner")
        .isEmpty();
    Files.writeString(
        dir.resolve("Sample.java"),
        "class Sample { String sql = \"UPDATE public.appeal SET stage = 'X'\"; }");
    assertThat(trespasses(dir.getParent(), relations()))
        .extracting(Trespass::relation)
        .containsExactly("appeal");
  }

  /** Module to the modules whose relations its SQL, views and functions read. */
  Map<String, java.util.Set<String>> sqlDependencies(Path root) throws IOException {
    Map<String, Relation> relations = relations();
    Map<String, java.util.Set<String>> dependencies = javaSqlDependencies(root, relations);
    // Views: the tables and views each reads, from the rewrite rule's recorded dependencies.
    jdbc.sql(
            """
        SELECT DISTINCT v.relname AS reader, t.relname AS read
          FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
          JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = v.relnamespace
         WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND t.oid <> v.oid
           AND n.nspname = current_schema() AND v.relkind = 'v'
        """)
        .query((rs, i) -> new String[] {rs.getString("reader"), rs.getString("read")})
        .list()
        .forEach(
            pair -> {
              Relation view = relations.get(pair[0]);
              Relation read = relations.get(pair[1]);
              if (view != null
                  && read != null
                  && view.owner() != null
                  && read.owner() != null
                  && !view.owner().equals(read.owner())) {
                dependencies
                    .computeIfAbsent(view.owner(), k -> new java.util.TreeSet<>())
                    .add(read.owner());
              }
            });
    // Functions (triggers' among them): the relations their bodies name, and the table a trigger
    // runs on.
    for (Function function : functions()) {
      Matcher m = RELATION.matcher(function.body());
      java.util.Set<String> read = new java.util.TreeSet<>(function.triggeredBy());
      while (m.find()) {
        read.add(m.group(2).toLowerCase());
      }
      for (String name : read) {
        Relation relation = relations.get(name);
        if (relation != null
            && relation.owner() != null
            && function.owner() != null
            && !relation.owner().equals(function.owner())) {
          dependencies
              .computeIfAbsent(function.owner(), k -> new java.util.TreeSet<>())
              .add(relation.owner());
        }
      }
    }
    return dependencies;
  }

  /**
   * Reads of another module's published views in our code's SQL (writes and table reads are
   * trespasses, above).
   */
  static Map<String, java.util.Set<String>> javaSqlDependencies(
      Path root, Map<String, Relation> relations) throws IOException {
    Map<String, java.util.Set<String>> dependencies = new java.util.TreeMap<>();
    for (Named named : namedRelations(root)) {
      Relation relation = relations.get(named.name());
      if (relation != null
          && relation.owner() != null
          && !named.module().isEmpty()
          && !named.module().equals(relation.owner())) {
        dependencies
            .computeIfAbsent(named.module(), k -> new java.util.TreeSet<>())
            .add(relation.owner());
      }
    }
    return dependencies;
  }

  /** Of the dependencies found, those the module does not declare. */
  static Map<String, java.util.Set<String>> undeclared(Map<String, java.util.Set<String>> found) {
    Map<String, java.util.Set<String>> undeclared = new java.util.TreeMap<>();
    found.forEach(
        (module, owners) ->
            ModularityTests.MODULES
                .getModuleByName(module)
                .ifPresent(
                    m -> {
                      java.util.Set<String> allowed =
                          m.getAllowedDependencies(ModularityTests.MODULES).stream()
                              .map(d -> d.getTargetModule().getIdentifier().toString())
                              .collect(Collectors.toSet());
                      for (String owner : owners) {
                        if (!allowed.contains(owner)) {
                          undeclared
                              .computeIfAbsent(module, k -> new java.util.TreeSet<>())
                              .add(owner);
                        }
                      }
                    }));
    return undeclared;
  }

  /**
   * One of our functions: its owner (its comment, as tables'), its body, and the tables whose
   * triggers call it.
   */
  record Function(String name, String owner, String body, List<String> triggeredBy) {}

  private List<Function> functions() {
    return jdbc.sql(
            """
        SELECT p.proname AS name, substring(obj_description(p.oid, 'pg_proc') FROM '^owner: ([a-z.]+)') AS owner, p.prosrc AS body,
               coalesce((SELECT array_agg(c.relname::text) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                          WHERE t.tgfoid = p.oid AND NOT t.tgisinternal), '{}') AS triggered_by
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = current_schema() AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        """)
        .query(
            (rs, i) ->
                new Function(
                    rs.getString("name"),
                    rs.getString("owner"),
                    rs.getString("body"),
                    List.of((String[]) rs.getArray("triggered_by").getArray())))
        .list();
  }

  @Test
  void everyFunctionNamesAnOwnerThatIsAModule() {
    List<String> modules =
        ModularityTests.MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
    assertThat(functions())
        .filteredOn(f -> f.owner() == null || !modules.contains(f.owner()))
        .extracting(Function::name)
        .as("functions without an owning module (COMMENT ON FUNCTION … IS 'owner: <module>')")
        .isEmpty();
  }

  private Map<String, Relation> relations() {
    return jdbc
        .sql(
            """
            SELECT c.relname AS name, c.relkind = 'v' AS view,
                   substring(obj_description(c.oid, 'pg_class') FROM '^owner: ([a-z.]+)') AS owner
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')
               AND c.relname NOT LIKE 'act\\_%' AND c.relname NOT LIKE 'databasechangelog%'
            """)
        .query(Relation.class)
        .list()
        .stream()
        .collect(Collectors.toMap(Relation::name, r -> r));
  }

  static List<Trespass> trespasses(Path root, Map<String, Relation> relations) throws IOException {
    List<Trespass> found = new ArrayList<>();
    for (Named named : namedRelations(root)) {
      Relation relation = relations.get(named.name());
      boolean write = !named.kind().equals("from") && !named.kind().equals("join");
      if (named.name().startsWith("act_")) {
        found.add(
            new Trespass(
                named.file(), named.module(), named.kind(), named.name(), "the process engine"));
      } else if (relation != null
          && !named.module().equals(relation.owner())
          && (write || !relation.view())) {
        found.add(
            new Trespass(
                named.file(), named.module(), named.kind(), named.name(), relation.owner()));
      }
    }
    return found;
  }

  /**
   * A relation named in a string literal of a module's code, after FROM, JOIN, UPDATE, INTO, DELETE
   * FROM or TABLE.
   */
  record Named(String file, String module, String kind, String name) {}

  /** Every relation the code under {@code root} names in its string literals, file by file. */
  static List<Named> namedRelations(Path root) throws IOException {
    List<Named> named = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Path relative = root.relativize(file);
        String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        for (String literal : literals(Files.readString(file))) {
          Matcher m = RELATION.matcher(literal);
          while (m.find()) {
            named.add(
                new Named(
                    relative.toString(),
                    module,
                    m.group(1).toLowerCase().replaceAll("\\s+", " "),
                    m.group(2).toLowerCase()));
          }
        }
      }
    }
    return named;
  }

  private static List<String> literals(String source) {
    List<String> literals = new ArrayList<>();
    Matcher blocks = TEXT_BLOCK.matcher(source);
    StringBuilder rest = new StringBuilder();
    while (blocks.find()) {
      literals.add(blocks.group(1));
      blocks.appendReplacement(rest, "");
    }
    blocks.appendTail(rest);
    Matcher strings = STRING.matcher(rest);
    while (strings.find()) {
      literals.add(strings.group(1));
    }
    return literals;
  }
}
