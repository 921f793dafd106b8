package org.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Fails when a capability reaches into another capability's internal packages or when modules form a cycle. */
class ModularityTests {

    private static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe("test code",
            type -> type.getSource().map(source -> source.getUri().toString().contains("test-classes")).orElse(false));

    /** Set to rewrite the committed diagrams: {@code ./mvnw test -Dtest=ModularityTests -Dreach.docs.update=true}. */
    private static final boolean UPDATE_DOCS = Boolean.getBoolean("reach.docs.update");

    private final ApplicationModules modules = ApplicationModules.of(ReachApplication.class, TEST_CODE);

    @Test
    void capabilitiesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * The dependency diagrams in docs/modules are maintained by people reading the design, so they are committed and
     * this test fails when the code no longer matches them. The generated canvases (every class of a module) change
     * with each class added; they are written into the build directory only and never committed.
     */
    @Test
    void committedModuleDiagramsMatchTheCode() throws IOException {
        Path generated = Path.of(System.getProperty("reach.build.dir", "target"), "modules");
        Files.createDirectories(generated);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Path.of("docs", "modules");
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).sorted().toList()) {
                Path committed = docs.resolve(file.getFileName().toString());
                if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(file))) {
                    stale.add(committed.toString());
                    if (UPDATE_DOCS) {
                        Files.createDirectories(docs);
                        Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        if (UPDATE_DOCS) {
            return;
        }
        assertThat(stale).as("module diagrams that no longer match the code; rewrite them with "
                + "./mvnw test -Dtest=ModularityTests -Dreach.docs.update=true and review the change").isEmpty();
    }

    /** Sorted, since the generator lists lines in no fixed order. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
