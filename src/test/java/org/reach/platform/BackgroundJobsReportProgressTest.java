package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundJobsReportProgressTest {

    private final BackgroundJobs jobs = new BackgroundJobs(Clock.systemUTC());
    private final ReachUser owner = person(1);
    private final ReachUser someoneElse = person(2);

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

    private BackgroundJobs.JobStatus waitUntilFinished(String id) throws InterruptedException {
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

    private static ReachUser person(long id) {
        return new ReachUser(id, "person" + id, "Person", 1L, null, EnumSet.of(Role.ME_OFFICER), Set.of(), "en", true,
                false, false, null);
    }
}
