package org.bucn.tracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no cycles, no module reaching into another's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TrackerApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.forEach(System.out::println);
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
