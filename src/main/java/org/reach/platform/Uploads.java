package org.reach.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Files uploaded for a later step (a survey export waiting for its column mapping): the file is kept under the
 * files directory and described in {@code uploads}, so it survives a restart, and both go an hour after the
 * upload, swept every minute. Only the person who uploaded a file can use it, and only for its purpose.
 */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final Duration KEEP = Duration.ofHours(1);

    /** A kept upload; {@code file} is where its content is. */
    public record Upload(String id, String purpose, String filename, Instant uploadedAt, Path file) {

        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    private final JdbcClient jdbc;
    private final StoredFiles files;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reach-upload-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    Uploads(JdbcClient jdbc, StoredFiles files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException failure) {
                log.warn("Sweeping expired uploads failed; trying again in a minute", failure);
            }
        }, 0, 1, TimeUnit.MINUTES);
    }

    /** Keeps the content for the owner and purpose; answers the upload with its new id. */
    public Upload keep(ReachUser owner, String purpose, String filename, InputStream content) {
        String id = UUID.randomUUID().toString();
        Path file = files.directory("uploads").resolve(id);
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            StoredFiles.deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
        Instant now = Instant.now(clock);
        String name = filename == null ? "" : filename.length() > 255 ? filename.substring(0, 255) : filename;
        jdbc.sql("INSERT INTO uploads (id, owner_id, purpose, filename, uploaded_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, owner.id(), purpose, name, at(now), at(now.plus(KEEP))).update();
        return new Upload(id, purpose, name, now, file);
    }

    /** The owner's upload for this purpose; another person's, another purpose's or an expired one is not found. */
    public Upload find(ReachUser owner, String purpose, String id) {
        Path dir = files.directory("uploads");
        return jdbc.sql("SELECT id, purpose, filename, uploaded_at FROM uploads"
                        + " WHERE id = ? AND owner_id = ? AND purpose = ? AND expires_at > ?")
                .params(id == null ? "" : id, owner.id(), purpose, at(Instant.now(clock)))
                .query((rs, n) -> new Upload(rs.getString("id"), rs.getString("purpose"), rs.getString("filename"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), dir.resolve(rs.getString("id"))))
                .optional()
                .filter(upload -> Files.isReadable(upload.file()))
                .orElseThrow(() -> new NotFound("upload", id));
    }

    /** Deletes an upload that has served its purpose. */
    public void forget(ReachUser owner, String id) {
        int removed = jdbc.sql("DELETE FROM uploads WHERE id = ? AND owner_id = ?").params(id, owner.id()).update();
        if (removed > 0) {
            StoredFiles.deleteQuietly(files.directory("uploads").resolve(id));
        }
    }

    /** Deletes expired uploads and their files. */
    void sweep() {
        Path dir = files.directory("uploads");
        List<String> expired = jdbc.sql("SELECT id FROM uploads WHERE expires_at <= ?").param(at(Instant.now(clock)))
                .query(String.class).list();
        for (String id : expired) {
            StoredFiles.deleteQuietly(dir.resolve(id));
            if (!Files.exists(dir.resolve(id))) {
                jdbc.sql("DELETE FROM uploads WHERE id = ?").param(id).update();
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
