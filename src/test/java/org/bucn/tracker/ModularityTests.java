package org.bucn.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** The module boundaries hold: no cycles, no module reaching into another's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TrackerApplication.class);
  static final Path DOCS = Path.of("docs/modules");

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.forEach(System.out::println);
    MODULES.verify();
  }

  /**
   * The diagrams and canvases in {@code docs/modules} are what the modules are: drawn afresh into
   * {@code target/modules}, they must equal the committed ones, or the build fails naming the files
   * that differ. After a deliberate change, redraw them with {@code ./mvnw test
   * -Dtest=ModularityTests -Dmodules.docs.write=true} and commit the result.
   */
  @Test
  void theModuleDocumentationIsWhatTheModulesAre() throws IOException {
    Path drawn = Path.of("target/modules");
    FileSystemUtils.deleteRecursively(drawn);
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    List<Path> files;
    try (Stream<Path> listed = Files.list(drawn)) {
      files = listed.sorted().toList();
    }
    for (Path diagram : files.stream().filter(f -> f.toString().endsWith(".puml")).toList()) {
      Files.write(diagram, stableOrder(Files.readAllLines(diagram)));
    }
    if (Boolean.getBoolean("modules.docs.write")) {
      FileSystemUtils.deleteRecursively(DOCS);
      FileSystemUtils.copyRecursively(drawn, DOCS);
      return;
    }
    List<String> differing = new ArrayList<>();
    for (Path file : files) {
      Path committed = DOCS.resolve(file.getFileName());
      if (!Files.exists(committed)
          || !Files.readAllLines(committed).equals(Files.readAllLines(file))) {
        differing.add(file.getFileName().toString());
      }
    }
    try (Stream<Path> listed = Files.list(DOCS)) {
      listed
          .filter(f -> !Files.exists(drawn.resolve(f.getFileName())))
          .forEach(f -> differing.add(f.getFileName() + " (no such module now)"));
    }
    assertThat(differing)
        .as(
            "docs/modules differs from the modules as they are; redraw with -Dmodules.docs.write=true and commit")
        .isEmpty();
  }

  /**
   * The module rules bite: every module says which others it may use, so a new dependency fails the
   * build until declared.
   */
  @Test
  void everyModuleDeclaresTheModulesItMayUse() {
    assertThat(
            MODULES.stream()
                .filter(
                    m ->
                        m.getAllowedDependencies(MODULES).stream().findAny().isEmpty()
                            && !m.getIdentifier().toString().equals("shared"))
                .map(m -> m.getIdentifier().toString()))
        .as("modules without allowedDependencies (@ApplicationModule in package-info.java)")
        .isEmpty();
  }

  /**
   * The documenter lists components and relations in hash order, so every build rewrote the
   * committed diagrams; sorting each run of them keeps the files unchanged while the modules are.
   */
  static List<String> stableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String kind = null;
    for (String line : lines) {
      String k =
          line.trim().startsWith("Rel(")
              ? "Rel"
              : line.trim().startsWith("Component(") ? "Component" : null;
      if (k == null || !k.equals(kind)) {
        Collections.sort(run);
        out.addAll(run);
        run.clear();
      }
      kind = k;
      if (k == null) {
        out.add(line);
      } else {
        run.add(line);
      }
    }
    Collections.sort(run);
    out.addAll(run);
    return out;
  }
}
