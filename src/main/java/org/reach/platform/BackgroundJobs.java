package org.reach.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs long work (imports, large exports) off the request thread and reports progress, so a slow
 * connection never times out and the person sees how far it got. Jobs live in memory for an hour after
 * they finish and only the person who started one can see it. A result that holds something outside memory
 * (a file to download) is {@link AutoCloseable} and is closed when its job is forgotten or Reach stops.
 */
@Service
public class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration SWEEP = Duration.ofMinutes(5);

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /** Lets the work say how much there is and how much is done. */
    public interface Progress {
        void total(long total);

        void advance(long done);
    }

    /** {@code expires} is when a finished job and its result are forgotten; null while it runs. */
    public record JobStatus(String id, String kind, State state, long done, long total, Object result, String errorKey,
                            Instant expires) {

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
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Object result;
        volatile String errorKey;
        volatile Instant finished;

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

        JobStatus status() {
            Instant end = finished;
            return new JobStatus(id, kind, state, done.get(), total.get(), result, errorKey,
                    end == null ? null : end.plus(KEEP));
        }
    }

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
    private final Clock clock;

    BackgroundJobs(Clock clock) {
        this.clock = clock;
        // Results on disk should not wait for the next person to start or look at a job before they go.
        sweeper.scheduleWithFixedDelay(this::forgetOldJobs, SWEEP.toMinutes(), SWEEP.toMinutes(), TimeUnit.MINUTES);
    }

    public String start(ReachUser owner, String kind, Function<Progress, Object> work) {
        forgetOldJobs();
        Job job = new Job(UUID.randomUUID().toString(), owner.id(), kind);
        jobs.put(job.id, job);
        workers.submit(() -> {
            try {
                job.result = work.apply(job);
                job.finished = Instant.now(clock);
                job.state = State.SUCCEEDED;
            } catch (InvalidInput invalid) {
                job.result = invalid.problems();
                job.errorKey = invalid.problems().get(0).messageKey();
                job.finished = Instant.now(clock);
                job.state = State.FAILED;
            } catch (RuntimeException failure) {
                log.error("Background job {} ({}) failed", job.id, kind, failure);
                job.errorKey = "job.error.failed";
                job.finished = Instant.now(clock);
                job.state = State.FAILED;
            }
        });
        return job.id;
    }

    public JobStatus status(ReachUser owner, String id) {
        forgetOldJobs();
        Job job = jobs.get(id);
        if (job == null || job.ownerId != owner.id()) {
            throw new NotFound("job", id);
        }
        return job.status();
    }

    private void forgetOldJobs() {
        Instant cutoff = Instant.now(clock).minus(KEEP);
        for (Job job : jobs.values()) {
            Instant finished = job.finished;
            if (finished != null && finished.isBefore(cutoff) && jobs.remove(job.id, job)) {
                release(job);
            }
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

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        workers.shutdownNow();
        jobs.values().forEach(BackgroundJobs::release);
        jobs.clear();
    }
}
