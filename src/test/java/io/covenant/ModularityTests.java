package io.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business capabilities stay apart: each module uses only the others' public API and events. */
class ModularityTests {

    ApplicationModules modules = ApplicationModules.of(CovenantApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleDocumentationDrawsEveryModule() throws IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path folder = Path.of("target", "spring-modulith-docs");
        String overview = Files.readString(folder.resolve("components.puml"));
        assertThat(modules.stream()).hasSizeGreaterThanOrEqualTo(14);
        for (ApplicationModule module : modules) {
            assertThat(overview).contains(module.getDisplayName());
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
                    .isNotEmptyFile();
        }
    }
}
