package org.reach.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
import org.reach.StatementCounter;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Gender;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Single encounter POSTs from 50 concurrent users over loopback, against a baseline measured in the same run: the
 * same 50 users asking for their own account ({@code GET /api/me}, authenticated by the same token, nothing else),
 * so that what the machine, the HTTP stack and the token check cost is in both and the ratio shows what recording an
 * encounter adds. Also counts the SQL statements of one POST and of one baseline request. Rounds alternate the two
 * so a noisy machine slows both alike. Not a test: run with {@code -Pbench} (docs/benchmarks.md).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT)
class SingleEncounterLatencyBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final int EACH = Integer.getInteger("bench.posts", 40);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Paced rounds: each user sends one request every this many ms (a peer entering encounters as fast as they happen). */
    private static final int PACE_MS = Integer.getInteger("bench.pace-ms", 1000);
    private static final int COUNTED = 20;

    @TestConfiguration
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @LocalServerPort int port;
    @Value("${spring.datasource.url}") String datasourceUrl;
    @Autowired StatementCounter statements;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(20261205L);
    private BenchmarkEncounters encounters;
    private long siteId;
    private String token;

    @Test
    void singleEncounterPostsAgainstTheBaselineRequest() throws Exception {
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        token = world.token(Role.ORG_MANAGER);
        siteId = world.homeSite.id();
        encounters = BenchmarkEncounters.registerClients(registry, world.user(Role.ORG_MANAGER), siteId, 200,
                Gender.FEMALE, 70, 20261205L);

        // warm up the JIT, the pool and the caches on both paths, one by one and then all at once
        run(false, 1, 200);
        run(true, 1, 200);
        run(false, USERS, 5);
        run(true, USERS, 5);

        statements.start();
        run(true, 1, COUNTED);
        Map<String, Long> posts = statements.stop();
        statements.start();
        run(false, 1, COUNTED);
        Map<String, Long> baseline = statements.stop();

        List<Long> postTimes = new ArrayList<>();
        List<Long> baselineTimes = new ArrayList<>();
        List<Long> pacedPostTimes = new ArrayList<>();
        List<Long> pacedBaselineTimes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (long t : run(false, USERS, EACH, 0)) baselineTimes.add(t);
            for (long t : run(true, USERS, EACH, 0)) postTimes.add(t);
            for (long t : run(false, USERS, EACH, PACE_MS)) pacedBaselineTimes.add(t);
            for (long t : run(true, USERS, EACH, PACE_MS)) pacedPostTimes.add(t);
        }
        long[] p = sorted(postTimes);
        long[] b = sorted(baselineTimes);
        long[] pp = sorted(pacedPostTimes);
        long[] pb = sorted(pacedBaselineTimes);

        StringBuilder perStatement = new StringBuilder();
        posts.forEach((sql, n) -> perStatement.append(String.format(Locale.ROOT, "    %5.2f  %s%n", n / (double) COUNTED, sql)));
        String report = String.format(Locale.ROOT, """
                Single encounter POSTs on %s: %d concurrent users x %d requests x %d rounds, over loopback
                Back to back (each user sends the next request as soon as the last is answered: the server saturated)
                  baseline GET /api/me   %s
                  POST /api/encounters   %s
                  POST / baseline        p50 %.2f, p99 %.2f
                Paced (each user sends one request every %d ms, latency counted from when it was due)
                  baseline GET /api/me   %s
                  POST /api/encounters   %s
                  POST / baseline        p50 %.2f, p99 %.2f
                SQL statements per request (mean of %d, one at a time)
                  baseline GET /api/me   %.2f
                  POST /api/encounters   %.2f, of which:
                %s""", datasourceUrl.replaceAll("\\?.*", ""), USERS, EACH, ROUNDS,
                summary(b), summary(p), ratio(p, b, 50), ratio(p, b, 99),
                PACE_MS, summary(pb), summary(pp), ratio(pp, pb, 50), ratio(pp, pb, 99),
                COUNTED, StatementCounter.total(baseline) / (double) COUNTED, StatementCounter.total(posts) / (double) COUNTED,
                perStatement);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "single-encounter.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private long[] run(boolean post, int users, int each) throws Exception {
        return run(post, users, each, 0);
    }

    /**
     * {@code users} concurrent users, each sending {@code each} requests one after another; every latency in ns. With a
     * pace, a user's requests are due every {@code paceMs} from a random start within the first interval, and a
     * request's latency runs from when it was due, so a slow answer that delays the next request is not hidden.
     */
    private long[] run(boolean post, int users, int each, int paceMs) throws Exception {
        List<List<HttpRequest>> work = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                requests.add(post ? request("/api/encounters").POST(HttpRequest.BodyPublishers.ofString(encounters.encounter())).build()
                        : request("/api/me").GET().build());
            }
            work.add(requests);
        }
        int expected = post ? 201 : 200;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Callable<long[]>> tasks = new ArrayList<>();
            for (List<HttpRequest> requests : work) {
                long offset = paceMs == 0 ? 0 : (long) (random.nextDouble() * paceMs * 1_000_000L);
                tasks.add(() -> {
                    long[] times = new long[requests.size()];
                    long first = System.nanoTime() + offset;
                    for (int i = 0; i < requests.size(); i++) {
                        long started = System.nanoTime();
                        if (paceMs > 0) {
                            long due = first + i * paceMs * 1_000_000L;
                            if (due > started) Thread.sleep((due - started) / 1_000_000L, (int) ((due - started) % 1_000_000L));
                            started = due;
                        }
                        HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        times[i] = System.nanoTime() - started;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
                    }
                    return times;
                });
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : pool.invokeAll(tasks)) {
                all.add(result.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
    }

    private static long[] sorted(List<Long> times) {
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String summary(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static double ratio(long[] work, long[] baseline, int p) {
        return percentile(work, p) / (double) percentile(baseline, p);
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
