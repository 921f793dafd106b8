package org.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private final ApplicationModules modules = ApplicationModules.of(ReachApplication.class, TEST_CODE);

    @Test
    void capabilitiesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * Writes the module diagrams and canvases into docs/modules. The generator lists lines in no fixed order, so a
     * file is only replaced when its lines really differ; otherwise every run would leave the tree changed.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path fresh = Files.createTempDirectory("modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Path.of("docs", "modules");
        Files.createDirectories(docs);
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                Path committed = docs.resolve(file.getFileName().toString());
                if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(file))) {
                    Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(docs.resolve("components.puml")).exists();
    }

    /** Sorted, and a table cell's first item ("|* x") the same as any other ("* x"), since the order moves. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .sorted().toList();
    }
}
