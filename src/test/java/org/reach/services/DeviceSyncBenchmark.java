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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reach.ProgrammeFixture;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Phones coming back online at once: 200 simulated devices each hold 500 queued encounters made offline (with uuids
 * the device made) and send them through the replay-safe batch endpoint over loopback, all starting together, in
 * batches of 100. Every fifth device loses the answer to one batch and sends it again, and every tenth sends that
 * batch twice at the same moment. A batch answered 503 (every database connection busy, nothing written) stays in
 * the queue and is sent again after the Retry-After the answer names, as the field app does. Afterwards the database
 * must hold each encounter exactly once. Reports the latency of every batch (p50, p99, max; a batch's latency runs
 * until it was taken, retries included) against a baseline batch sent alone before the crowd. Not a test: run it with
 * {@code -Pbench} (docs/benchmarks.md).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT)
class DeviceSyncBenchmark {

    private static final int DEVICES = Integer.getInteger("bench.devices", 200);
    private static final int QUEUED = Integer.getInteger("bench.queued", 500);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final List<String> SERVICES = List.of("NEEDLES_SYRINGES", "CONDOMS", "INFORMATION_MATERIAL");

    @LocalServerPort int port;
    @Value("${spring.datasource.url}") String datasourceUrl;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Random random = new Random(20261205L);
    private final AtomicLong busy = new AtomicLong();

    @Test
    void twoHundredDevicesSyncTheirQueuesAtOnceAndEveryRecordArrivesOnce() throws Exception {
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        String token = world.token(Role.ORG_MANAGER);
        long siteId = world.homeSite.id();
        long organisationId = world.home.id();
        BenchmarkEncounters encounters = BenchmarkEncounters.registerClients(registry, world.user(Role.ORG_MANAGER), siteId,
                200, Gender.MALE, 40, 20261205L);

        // each device's queue, made before the crowd: uuids made on the device
        List<List<String>> devices = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            List<String> batches = new ArrayList<>();
            for (int start = 0; start < QUEUED; start += BATCH) {
                StringBuilder body = new StringBuilder("{\"encounters\":[");
                for (int i = start; i < Math.min(QUEUED, start + BATCH); i++) {
                    body.append(i == start ? "" : ",").append(encounters.encounter());
                }
                batches.add(body.append("]}").toString());
            }
            devices.add(batches);
        }

        // warm up and the baseline: batches sent one at a time, nobody else on the server
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String warm = "{\"encounters\":[" + String.join(",", java.util.stream.IntStream.range(0, BATCH)
                    .mapToObj(n -> encounters.encounter()).toList()) + "]}";
            long started = System.nanoTime();
            send(token, warm, 200);
            alone.add(System.nanoTime() - started);
        }
        long before = encounters(organisationId);

        AtomicLong duplicatesAnswered = new AtomicLong();
        AtomicLong resent = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES + DEVICES / 10);
        List<Future<List<Long>>> results = new ArrayList<>();
        long started;
        try {
            for (int d = 0; d < DEVICES; d++) {
                List<String> batches = devices.get(d);
                int device = d;
                Callable<List<Long>> phone = () -> {
                    go.await();
                    List<Long> times = new ArrayList<>();
                    for (int b = 0; b < batches.size(); b++) {
                        Future<Long> twin = null;
                        String body = batches.get(b);
                        if (device % 10 == 0 && b == 1) { // the same batch twice at the same moment
                            twin = pool.submit(() -> timed(token, body, duplicatesAnswered));
                            resent.incrementAndGet();
                        }
                        times.add(timed(token, body, duplicatesAnswered));
                        if (twin != null) {
                            times.add(twin.get());
                        }
                        if (device % 5 == 0 && b == 2) { // the answer was lost: the queue sends the batch again
                            times.add(timed(token, body, duplicatesAnswered));
                            resent.incrementAndGet();
                        }
                    }
                    return times;
                };
                results.add(pool.submit(phone));
            }
            started = System.nanoTime();
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] times = all.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] baseline = alone.stream().mapToLong(Long::longValue).sorted().toArray();

            long stored = encounters(organisationId) - before;
            long expected = (long) DEVICES * QUEUED;
            long distinct = jdbc.sql("SELECT COUNT(DISTINCT uuid) FROM encounters WHERE organisation_id = ?")
                    .param(organisationId).query(Long.class).single();
            long total = jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?")
                    .param(organisationId).query(Long.class).single();
            long services = jdbc.sql("""
                    SELECT COUNT(*) FROM encounter_services s JOIN encounters e ON e.id = s.encounter_id
                    WHERE e.organisation_id = ?""").param(organisationId).query(Long.class).single();

            String report = String.format(Locale.ROOT, """
                    Device sync on %s: %d devices x %d queued encounters (%d services each), batches of %d, all at once
                      batches sent: %d (%d of them resent: %d after a lost answer, %d twice at the same moment)
                      answered "too busy, nothing written" (503) and sent again after Retry-After: %d
                      wall time %.1f s, %.0f encounters/s stored
                      stored %d of %d expected; rows %d, distinct uuids %d; services %d; duplicates answered %d
                      batch latency alone (20 batches, one at a time): p50 %.1f ms, p99 %.1f ms
                      batch latency in the crowd:                    p50 %.1f ms, p99 %.1f ms, max %.1f ms
                      crowd / alone:                                 p50 %.1f, p99 %.1f
                    """, datasourceUrl.replaceAll("\\?.*", ""), DEVICES, QUEUED, SERVICES.size(), BATCH, times.length,
                    resent.get(), DEVICES / 5, DEVICES / 10, busy.get(), seconds, stored / seconds, stored, expected, total, distinct,
                    services, duplicatesAnswered.get(), ms(pct(baseline, 50)), ms(pct(baseline, 99)), ms(pct(times, 50)),
                    ms(pct(times, 99)), ms(times[times.length - 1]), pct(times, 50) / (double) pct(baseline, 50),
                    pct(times, 99) / (double) pct(baseline, 99));
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "device-sync.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);

            assertThat(stored).as("nothing lost, nothing stored twice").isEqualTo(expected);
            assertThat(distinct).as("every stored uuid once").isEqualTo(total);
            assertThat(services).isEqualTo(total * SERVICES.size());
            assertThat(duplicatesAnswered.get()).as("every resent encounter answered as a duplicate")
                    .isEqualTo(resent.get() * BATCH);
        } finally {
            pool.shutdownNow();
        }
    }

    private long timed(String token, String body, AtomicLong duplicates) throws Exception {
        long started = System.nanoTime();
        String answer = send(token, body, 200);
        long time = System.nanoTime() - started;
        List<Object> dup = JsonPath.read(answer, "$.duplicates");
        duplicates.addAndGet(dup.size());
        return time;
    }

    private String send(String token, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/encounters/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 503) { // too busy, nothing written: the queue keeps the batch and comes back
            busy.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("5")));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    private long encounters(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(organisationId)
                .query(Long.class).single();
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
