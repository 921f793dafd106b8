package org.reach.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs long work (imports, large exports) off the request thread and reports progress, so a slow
 * connection never times out and the person sees how far it got. Jobs live in memory for an hour and
 * only the person who started one can see it.
 */
@Service
public class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /** Lets the work say how much there is and how much is done. */
    public interface Progress {
        void total(long total);

        void advance(long done);
    }

    public record JobStatus(String id, String kind, State state, long done, long total, Object result, String errorKey) {

        public int percent() {
            return total <= 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }

        public boolean finished() {
            return state != State.RUNNING;
        }
    }

    private static final class Job implements Progress {
        final String id;
        final long ownerId;
        final String kind;
        final Instant started;
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Object result;
        volatile String errorKey;

        Job(String id, long ownerId, String kind, Instant started) {
            this.id = id;
            this.ownerId = ownerId;
            this.kind = kind;
            this.started = started;
        }

        @Override
        public void total(long value) {
            total.set(value);
        }

        @Override
        public void advance(long value) {
            done.addAndGet(value);
        }

        JobStatus status() {
            return new JobStatus(id, kind, state, done.get(), total.get(), result, errorKey);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "reach-job");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    BackgroundJobs(Clock clock) {
        this.clock = clock;
    }

    public String start(ReachUser owner, String kind, Function<Progress, Object> work) {
        forgetOldJobs();
        Job job = new Job(UUID.randomUUID().toString(), owner.id(), kind, Instant.now(clock));
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
        });
        return job.id;
    }

    public JobStatus status(ReachUser owner, String id) {
        Job job = jobs.get(id);
        if (job == null || job.ownerId != owner.id()) {
            throw new NotFound("job", id);
        }
        return job.status();
    }

    private void forgetOldJobs() {
        Instant cutoff = Instant.now(clock).minus(KEEP);
        jobs.values().removeIf(job -> job.state != State.RUNNING && job.started.isBefore(cutoff));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
