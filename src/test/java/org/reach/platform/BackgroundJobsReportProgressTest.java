package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class BackgroundJobsReportProgressTest {

    @TempDir static Path files;
    private static JdbcClient jdbc;

    private final BackgroundJobs jobs = jobs(Clock.systemUTC());
    private final ReachUser owner = person(1);
    private final ReachUser someoneElse = person(2);

    /** A database of this test's own with Reach's schema, where jobs are kept. */
    @BeforeAll
    static void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:background-jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private static BackgroundJobs jobs(Clock clock) {
        return new BackgroundJobs(jdbc, new StoredFiles(files.toString()), clock, Duration.ofMinutes(3));
    }

    @AfterEach
    void stop() {
        jobs.stop();
    }

    @Test
    void progressIsVisibleWhileRunningAndTheResultAfterwards() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        String id = jobs.start(owner, "import", progress -> {
            progress.total(10);
            progress.advance(5);
            halfway.countDown();
            await(proceed);
            progress.advance(5);
            return "42 rows";
        });
        assertThat(halfway.await(5, TimeUnit.SECONDS)).isTrue();
        BackgroundJobs.JobStatus running = jobs.status(owner, id);
        assertThat(running.state()).isEqualTo(BackgroundJobs.State.RUNNING);
        assertThat(running.percent()).isEqualTo(50);

        proceed.countDown();
        BackgroundJobs.JobStatus finished = waitUntilFinished(id);
        assertThat(finished.state()).isEqualTo(BackgroundJobs.State.SUCCEEDED);
        assertThat(finished.percent()).isEqualTo(100);
        assertThat(finished.result()).isEqualTo("42 rows");
    }

    @Test
    void invalidInputEndsTheJobWithItsProblems() throws Exception {
        String id = jobs.start(owner, "import", progress -> {
            throw InvalidInput.of("file", "import.error.empty");
        });
        BackgroundJobs.JobStatus finished = waitUntilFinished(id);
        assertThat(finished.state()).isEqualTo(BackgroundJobs.State.FAILED);
        assertThat(finished.errorKey()).isEqualTo("import.error.empty");
    }

    @Test
    void nobodyElseSeesAJob() {
        String id = jobs.start(owner, "export", progress -> "done");
        assertThatThrownBy(() -> jobs.status(someoneElse, id)).isInstanceOf(NotFound.class);
    }

    @Test
    void aFinishedJobAndItsResultAreForgottenAnHourAfterItEnds() throws Exception {
        // From the real time: the application's own job service sweeps the same table on the real clock, and would
        // take a row stamped with a day in the past for one long expired.
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        MovableClock clock = new MovableClock(start);
        BackgroundJobs timed = jobs(clock);
        try {
            AtomicBoolean released = new AtomicBoolean();
            AutoCloseable file = () -> released.set(true);
            String id = timed.start(owner, "export", progress -> file);
            BackgroundJobs.JobStatus finished = waitUntilFinished(timed, id);
            assertThat(finished.expires()).isEqualTo(start.plus(java.time.Duration.ofHours(1)));

            clock.now = start.plus(java.time.Duration.ofMinutes(59));
            assertThat(timed.status(owner, id).result()).isSameAs(file);
            assertThat(released).isFalse();

            clock.now = start.plus(java.time.Duration.ofMinutes(61));
            assertThatThrownBy(() -> timed.status(owner, id)).isInstanceOf(NotFound.class);
            timed.sweep();
            assertThat(released).as("the result is closed when its job is forgotten").isTrue();
        } finally {
            timed.stop();
        }
    }

    @Test
    void aFinishedJobIsStillThereAfterARestart() throws Exception {
        String id = jobs.start(owner, "export", progress -> {
            progress.total(2);
            progress.advance(2);
            return RowProblem.of(3, "date", "import.error.date");
        });
        waitUntilFinished(id);
        jobs.stop();
        BackgroundJobs restarted = jobs(Clock.systemUTC());
        try {
            BackgroundJobs.JobStatus status = restarted.status(owner, id);
            assertThat(status.state()).isEqualTo(BackgroundJobs.State.SUCCEEDED);
            assertThat(status.percent()).isEqualTo(100);
            assertThat(status.result()).isEqualTo(RowProblem.of(3, "date", "import.error.date"));
        } finally {
            restarted.stop();
        }
    }

    private BackgroundJobs.JobStatus waitUntilFinished(String id) throws InterruptedException {
        return waitUntilFinished(jobs, id);
    }

    private BackgroundJobs.JobStatus waitUntilFinished(BackgroundJobs jobs, String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            BackgroundJobs.JobStatus status = jobs.status(owner, id);
            if (status.finished()) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ReachUser person(long id) {
        return new ReachUser(id, "person" + id, "Person", 1L, null, EnumSet.of(Role.ME_OFFICER), Set.of(), "en", true,
                false, false, null);
    }
}
