package org.reach.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The directory where work in progress keeps its files (export results, uploads waiting for their mapping):
 * {@code reach.files.dir}, under the data directory in the embedded profile. Not the system's temporary
 * directory, so nothing is lost in a restart and nothing is left behind where nobody cleans up.
 */
@Component
public class StoredFiles {

    private final Path root;

    StoredFiles(@Value("${reach.files.dir}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    /** A sub-directory of the files directory, created when missing. */
    public Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + " (reach.files.dir)", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Tried again at the next sweep.
        }
    }
}
