package org.reach.indicators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The finished full export, waiting on disk for the person who started it. Closing it deletes the file,
 * which background jobs do when the job expires.
 */
public record IndicatorExportFile(String fileName, ExportFormat format, long bytes, int tables, String period,
                                  Long organisationId, @JsonIgnore Path path) implements AutoCloseable {

    public String contentType() {
        return format.contentType();
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
