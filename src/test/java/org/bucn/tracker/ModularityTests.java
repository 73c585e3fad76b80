package org.bucn.tracker;

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

/** The module boundaries hold: no cycles, no module reaching into another's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TrackerApplication.class);
  static final Path DOCS = Path.of("docs/modules");

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.forEach(System.out::println);
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        Files.write(diagram, stableOrder(Files.readAllLines(diagram)));
      }
    }
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
      String k = line.trim().startsWith("Rel(") ? "Rel" : line.trim().startsWith("Component(") ? "Component" : null;
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
