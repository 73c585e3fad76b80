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
 * 'owner: appeal'}); only that module's code names the table in SQL. Other modules read the
 * views the owner publishes, and write nothing of it. Camunda's tables are the engine's: no SQL
 * of ours names them.
 */
@TrackerTest
class TableOwnershipTests {

  static final Path MAIN = Path.of("src/main/java/org/bucn/tracker");
  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern RELATION =
      Pattern.compile("(?i)\\b(from|join|update|into|delete\\s+from|table)\\s+([a-z_][a-z0-9_]*)");

  /** A relation of the schema and the module its comment names. */
  record Relation(String name, boolean view, String owner) {}

  /** One place where code names a relation it does not own. */
  record Trespass(String file, String module, String statementKind, String relation, String owner) {}

  @Autowired JdbcClient jdbc;

  @Test
  void everyTableAndViewNamesAnOwnerThatIsAModule() {
    List<String> modules = ModularityTests.MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
    List<String> unowned = new ArrayList<>();
    for (Relation relation : relations().values()) {
      if (relation.owner() == null || !modules.contains(relation.owner())) {
        unowned.add(relation.name() + " (owner: " + relation.owner() + ")");
      }
    }
    assertThat(unowned).as("tables and views without an owning module (COMMENT ON … IS 'owner: <module>')").isEmpty();
    assertThat(relations()).containsKeys("appeal", "work_item", "appeal_overview", "open_task");
  }

  @Test
  void noModuleNamesAnotherModulesTablesInSql() throws IOException {
    List<Trespass> trespasses = trespasses(MAIN, relations());
    assertThat(trespasses).as("SQL naming another module's tables; read its published view or call its API instead").isEmpty();
  }

  /** The check above can fail: the appeal row read the way the task list read it before the views. */
  @Test
  void theCheckFindsATrespass() throws IOException {
    Path dir = Files.createTempDirectory("ownership").resolve("task");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Sample.java"), """
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
        .containsExactlyInAnyOrder("appeal", "appeal_overview", "act_ru_task");
  }

  private Map<String, Relation> relations() {
    return jdbc.sql(
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
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Path relative = root.relativize(file);
        String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        for (String literal : literals(Files.readString(file))) {
          Matcher m = RELATION.matcher(literal);
          while (m.find()) {
            String kind = m.group(1).toLowerCase().replaceAll("\\s+", " ");
            String name = m.group(2).toLowerCase();
            Relation relation = relations.get(name);
            boolean write = !kind.equals("from") && !kind.equals("join");
            if (name.startsWith("act_")) {
              found.add(new Trespass(relative.toString(), module, kind, name, "the process engine"));
            } else if (relation != null && !module.equals(relation.owner()) && (write || !relation.view())) {
              found.add(new Trespass(relative.toString(), module, kind, name, relation.owner()));
            }
          }
        }
      }
    }
    return found;
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
