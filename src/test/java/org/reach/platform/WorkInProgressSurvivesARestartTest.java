package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reach.ProgrammeFixture;
import org.reach.ReachApplication;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.organisations.OrganisationDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Background jobs and uploads waiting for their mapping are kept in the database and the files directory: after
 * a restart (a second application on the same database and files), a finished job still shows its result, a job
 * that was running says it was interrupted by the restart, an upload can still be mapped, and once they expire
 * their files are deleted.
 */
class WorkInProgressSurvivesARestartTest {

    @TempDir Path files;

    @Test
    void finishedWorkIsKeptInterruptedWorkFailsVisiblyAndExpiredFilesGo() throws Exception {
        ProgrammeFixture world;
        ReachUser me;
        ReachUser someoneElse;
        String running;
        String finished;
        String upload;
        Path result;
        CountDownLatch never = new CountDownLatch(1);
        try (ConfigurableApplicationContext before = start("5m")) {
            world = new ProgrammeFixture(before.getBean(OrganisationDirectory.class), before.getBean(Accounts.class),
                    before.getBean(SignIn.class), before.getBean(ApiTokens.class));
            me = world.user(Role.ME_OFFICER);
            someoneElse = world.user(Role.ORG_MANAGER);
            BackgroundJobs jobs = before.getBean(BackgroundJobs.class);
            finished = jobs.start(me, "test-export", progress -> {
                Path file = progress.file("csv");
                try {
                    Files.writeString(file, "indicator,value\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.total(3);
                progress.advance(3);
                return RowProblem.of(7, "value", "import.error.number", "x");
            });
            running = jobs.start(me, "test-import", progress -> {
                progress.total(10);
                progress.advance(4);
                try {
                    never.await();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            awaitFinished(jobs, me, finished);
            result = jobs.status(me, finished).file();
            assertThat(result).exists().startsWith(files);
            upload = before.getBean(Uploads.class).keep(me, "test-mapping", "survey.csv",
                    new ByteArrayInputStream("name,lat,lon\nNullah,24.8,67.0\n".getBytes(StandardCharsets.UTF_8))).id();
        }

        try (ConfigurableApplicationContext after = start("0s")) {
            BackgroundJobs jobs = after.getBean(BackgroundJobs.class);
            Uploads uploads = after.getBean(Uploads.class);

            BackgroundJobs.JobStatus done = jobs.status(me, finished);
            assertThat(done.state()).isEqualTo(BackgroundJobs.State.SUCCEEDED);
            assertThat(done.result()).isEqualTo(RowProblem.of(7, "value", "import.error.number", "x"));
            assertThat(done.file()).isEqualTo(result).exists();

            BackgroundJobs.JobStatus interrupted = jobs.status(me, running);
            assertThat(interrupted.state()).isEqualTo(BackgroundJobs.State.FAILED);
            assertThat(interrupted.errorKey()).isEqualTo("job.error.interrupted");
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) after).apply(springSecurity()).build();
            mvc.perform(get("/jobs/{id}", running).with(user(me))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("interrupted by a restart")));
            mvc.perform(get("/api/jobs/{id}", running).with(user(me))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("\"state\":\"FAILED\"")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(files.toString()))));

            Uploads.Upload kept = uploads.find(me, "test-mapping", upload);
            assertThat(kept.filename()).isEqualTo("survey.csv");
            assertThat(kept.file()).startsWith(files);
            assertThat(Files.readString(kept.file())).startsWith("name,lat,lon");
            assertThatThrownBy(() -> uploads.find(someoneElse, "test-mapping", upload))
                    .isInstanceOf(NotFound.class);

            CLOCK.advance(Duration.ofHours(2));
            jobs.sweep();
            uploads.sweep();
            assertThat(result).doesNotExist();
            assertThat(kept.file()).doesNotExist();
            assertThatThrownBy(() -> jobs.status(me, finished)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> uploads.find(me, "test-mapping", upload)).isInstanceOf(NotFound.class);
            try (var left = Files.list(files.resolve("jobs"))) {
                assertThat(left.filter(f -> f.getFileName().toString().startsWith(finished))).isEmpty();
            }
        } finally {
            never.countDown();
        }
    }

    private ConfigurableApplicationContext start(String staleAfter) {
        return new SpringApplicationBuilder(ReachApplication.class, MovableClockConfiguration.class)
                .run("--server.port=0", "--spring.main.allow-bean-definition-overriding=true",
                        "--reach.files.dir=" + files, "--reach.jobs.stale-after=" + staleAfter);
    }

    private static void awaitFinished(BackgroundJobs jobs, ReachUser me, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!jobs.status(me, id).finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jobs.status(me, id).finished()).isTrue();
    }

    /** Puts the movable clock in place of the application's. */
    @Configuration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private static final MovableClock CLOCK = new MovableClock();

    /** The application's clock, which this test can move forward. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
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
            return Instant.now().plus(offset);
        }
    }
}
