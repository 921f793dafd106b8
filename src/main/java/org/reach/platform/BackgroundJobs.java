package org.reach.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs long work (imports, large exports) off the request thread and reports progress, so a slow
 * connection never times out and the person sees how far it got. Every job is a row in
 * {@code background_jobs} and its file, if it writes one, is under the files directory, so both outlive a
 * restart: a finished job still shows its result, and one that was running when Reach stopped is failed
 * visibly ("interrupted by a restart, start again") once no instance has reported on it for a while. A job is
 * kept for an hour after it finishes; expired jobs and their files are swept every minute. Only the person
 * who started a job can see it.
 */
@Service
public class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration SWEEP = Duration.ofMinutes(1);
    static final String INTERRUPTED = "job.error.interrupted";

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /** Lets the work say how much there is and how much is done, and where to write a file it produces. */
    public interface Progress {
        void total(long total);

        void advance(long done);

        /** The file this job may write its result to (kept until the job expires, deleted if the job fails). */
        default Path file(String extension) {
            throw new UnsupportedOperationException("this work has no file");
        }
    }

    /** {@code expires} is when a finished job and its result are forgotten; null while it runs. */
    public record JobStatus(String id, String kind, State state, long done, long total, Object result, String errorKey,
                            Instant expires, @JsonIgnore Path file) {

        public int percent() {
            return total <= 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }

        public boolean finished() {
            return state != State.RUNNING;
        }
    }

    private final class Job implements Progress {
        final String id;
        final long ownerId;
        final String kind;
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Object result;
        volatile String errorKey;
        volatile Instant finished;
        volatile Path file;
        volatile boolean recorded;

        Job(String id, long ownerId, String kind) {
            this.id = id;
            this.ownerId = ownerId;
            this.kind = kind;
        }

        @Override
        public void total(long value) {
            total.set(value);
        }

        @Override
        public void advance(long value) {
            done.addAndGet(value);
        }

        @Override
        public Path file(String extension) {
            file = files.directory("jobs").resolve(id + "." + extension.replaceAll("[^a-z0-9]", ""));
            return file;
        }

        /** Running until its end is recorded, so nobody sees a finish a restart could still undo. */
        JobStatus status() {
            return new JobStatus(id, kind, State.RUNNING, done.get(), total.get(), null, null, null, null);
        }
    }

    /** This instance's own jobs, with their results as objects. */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "reach-job");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reach-job-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JdbcClient jdbc;
    private final StoredFiles files;
    private final Clock clock;
    private final Duration staleAfter;
    private volatile boolean stopping;

    BackgroundJobs(JdbcClient jdbc, StoredFiles files, Clock clock,
                   @Value("${reach.jobs.stale-after:3m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.staleAfter = staleAfter;
        // Reports on running jobs, fails jobs nobody reports on any more, and removes expired jobs' files.
        sweeper.scheduleWithFixedDelay(this::sweepSafely, 0, SWEEP.toSeconds(), TimeUnit.SECONDS);
    }

    public String start(ReachUser owner, String kind, Function<Progress, Object> work) {
        Job job = new Job(UUID.randomUUID().toString(), owner.id(), kind);
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO background_jobs (id, owner_id, kind, state, done, total, started_at, heartbeat_at)"
                        + " VALUES (?, ?, ?, 'RUNNING', 0, 0, ?, ?)")
                .params(job.id, job.ownerId, kind, now, now).update();
        jobs.put(job.id, job);
        workers.submit(() -> {
            try {
                job.result = work.apply(job);
                job.state = State.SUCCEEDED;
            } catch (InvalidInput invalid) {
                job.result = invalid.problems();
                job.errorKey = invalid.problems().get(0).messageKey();
                job.state = State.FAILED;
            } catch (RuntimeException failure) {
                log.error("Background job {} ({}) failed", job.id, kind, failure);
                job.errorKey = "job.error.failed";
                job.state = State.FAILED;
            }
            if (stopping) {
                // Stopped under the job's feet: it stays RUNNING, and the next start fails it as interrupted.
                return;
            }
            job.finished = Instant.now(clock);
            if (job.state == State.FAILED && job.file != null) {
                StoredFiles.deleteQuietly(job.file);
                job.file = null;
            }
            record(job);
        });
        return job.id;
    }

    public JobStatus status(ReachUser owner, String id) {
        Job job = jobs.get(id);
        if (job != null && job.ownerId == owner.id() && !job.recorded) {
            return job.status();
        }
        return stored(owner, id).orElseThrow(() -> new NotFound("job", id));
    }

    private Optional<JobStatus> stored(ReachUser owner, String id) {
        failAbandonedJobs();
        return jdbc.sql("SELECT id, kind, state, done, total, error_key, result_type, result_json, result_file, expires_at"
                        + " FROM background_jobs WHERE id = ? AND owner_id = ? AND (expires_at IS NULL OR expires_at > ?)")
                .params(id, owner.id(), now())
                .query((rs, n) -> {
                    Job mine = jobs.get(rs.getString("id"));
                    String file = rs.getString("result_file");
                    Object result = mine != null && mine.finished != null ? mine.result
                            : result(rs.getString("result_type"), rs.getString("result_json"));
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    return new JobStatus(rs.getString("id"), rs.getString("kind"), State.valueOf(rs.getString("state")),
                            rs.getLong("done"), rs.getLong("total"), result, rs.getString("error_key"),
                            expires == null ? null : expires.toInstant(),
                            file == null ? null : files.directory("jobs").resolve(file));
                })
                .optional();
    }

    private void record(Job job) {
        String type = null;
        String body = null;
        if (job.result != null) {
            try {
                body = json.writeValueAsString(job.result);
                type = job.result instanceof List<?> ? List.class.getName() : job.result.getClass().getName();
            } catch (RuntimeException unserialisable) {
                log.warn("The result of background job {} ({}) is kept in memory only", job.id, job.kind, unserialisable);
            }
        }
        jdbc.sql("UPDATE background_jobs SET state = ?, done = ?, total = ?, error_key = ?, result_type = ?, result_json = ?,"
                        + " result_file = ?, finished_at = ?, heartbeat_at = ?, expires_at = ? WHERE id = ?")
                .params(job.state.name(), job.done.get(), job.total.get(), job.errorKey, type, body,
                        job.file == null ? null : job.file.getFileName().toString(), at(job.finished), at(job.finished),
                        at(job.finished.plus(KEEP)), job.id)
                .update();
        job.recorded = true;
    }

    /** A result read back after a restart: only Reach's own types, and nothing if it no longer reads. */
    private Object result(String type, String body) {
        if (type == null || body == null) {
            return null;
        }
        try {
            Class<?> target = Class.forName(type);
            if (!type.startsWith("org.reach.") && target != List.class) {
                return null;
            }
            return json.readValue(body, target);
        } catch (ClassNotFoundException | RuntimeException unreadable) {
            log.warn("Cannot read back a background job's result of type {}", type, unreadable);
            return null;
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Sweeping background jobs failed; trying again in {}", SWEEP, failure);
        }
    }

    /** One round of the sweeper: report on running jobs, fail abandoned ones, forget expired ones and their files. */
    void sweep() {
        OffsetDateTime now = now();
        for (Job job : jobs.values()) {
            if (job.state == State.RUNNING) {
                jdbc.sql("UPDATE background_jobs SET done = ?, total = ?, heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'")
                        .params(job.done.get(), job.total.get(), now, job.id).update();
            }
        }
        failAbandonedJobs();
        List<String> expired = jdbc.sql("SELECT id FROM background_jobs WHERE expires_at <= ?").param(now)
                .query(String.class).list();
        for (String id : expired) {
            Job job = jobs.remove(id);
            if (job != null) {
                release(job);
            }
            if (deleteFilesOf(id)) {
                jdbc.sql("DELETE FROM background_jobs WHERE id = ?").param(id).update();
            }
        }
    }

    /** Jobs that no instance has reported on for a while were running when their instance stopped. */
    private void failAbandonedJobs() {
        OffsetDateTime now = now();
        List<String> abandoned = jdbc.sql("SELECT id FROM background_jobs WHERE state = 'RUNNING' AND heartbeat_at < ?")
                .param(at(Instant.now(clock).minus(staleAfter))).query(String.class).list();
        for (String id : abandoned) {
            if (jobs.containsKey(id)) {
                continue;
            }
            int failed = jdbc.sql("UPDATE background_jobs SET state = 'FAILED', error_key = ?, result_file = NULL,"
                            + " finished_at = ?, expires_at = ? WHERE id = ? AND state = 'RUNNING'")
                    .params(INTERRUPTED, now, at(Instant.now(clock).plus(KEEP)), id).update();
            if (failed > 0) {
                log.warn("Background job {} was interrupted by a restart and is marked failed", id);
                deleteFilesOf(id);
            }
        }
    }

    /** Deletes the files a job wrote; answers whether none is left. */
    private boolean deleteFilesOf(String id) {
        Path dir = files.directory("jobs");
        try (DirectoryStream<Path> written = Files.newDirectoryStream(dir, id + ".*")) {
            for (Path file : written) {
                StoredFiles.deleteQuietly(file);
            }
        } catch (IOException e) {
            log.warn("Cannot list the files of background job {}", id, e);
            return false;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, id + ".*")) {
            return !left.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static void release(Job job) {
        if (job.result instanceof AutoCloseable resource) {
            try {
                resource.close();
            } catch (Exception failure) {
                log.warn("Could not release the result of background job {} ({})", job.id, job.kind, failure);
            }
        }
    }

    private OffsetDateTime now() {
        return at(Instant.now(clock));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        sweeper.shutdownNow();
        workers.shutdownNow();
        // Results on disk stay for the next start: the rows say where they are and when they expire.
        jobs.clear();
    }
}
