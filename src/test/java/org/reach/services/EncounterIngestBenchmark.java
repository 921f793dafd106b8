package org.reach.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.reach.ProgrammeFixture;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.SignIn;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Gender;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures, on PostgreSQL, how fast encounters go in through the batch API compared with PostgreSQL's own
 * {@code COPY} of the same rows into the same tables (the fastest a bulk load can be), and the latency of single
 * encounter POSTs from 50 concurrent clients. Not a test: run it with {@code -Pbench} (see docs/benchmarks.md).
 * Rounds alternate API and COPY so that a noisy machine slows both alike; the report gives the median ratio.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = RANDOM_PORT)
class EncounterIngestBenchmark {

    private static final int BATCH = 500;
    private static final int BATCHES_PER_ROUND = Integer.getInteger("bench.batches", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CONCURRENT_CLIENTS = 50;
    private static final int POSTS_PER_CLIENT = Integer.getInteger("bench.posts", 40);
    private static final List<String> SERVICES = List.of("NEEDLES_SYRINGES", "CONDOMS", "INFORMATION_MATERIAL");

    @LocalServerPort int port;
    @Value("${spring.datasource.url}") String datasourceUrl;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationDirectory directory;
    @Autowired Accounts accounts;
    @Autowired SignIn signIn;
    @Autowired ApiTokens tokens;
    @Autowired ClientRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(20261202L);
    private BenchmarkEncounters encounters;

    @Test
    void batchIngestAgainstCopyAndSingleEncounterLatency() throws Exception {
        assumeTrue(datasourceUrl.startsWith("jdbc:postgresql:"), "the benchmark compares with PostgreSQL COPY");
        ProgrammeFixture world = new ProgrammeFixture(directory, accounts, signIn, tokens);
        ReachUser manager = world.user(Role.ORG_MANAGER);
        String token = world.token(Role.ORG_MANAGER);
        long organisationId = world.home.id();
        long siteId = world.homeSite.id();
        encounters = BenchmarkEncounters.registerClients(registry, manager, siteId, 200, Gender.MALE, 70, 20261202L);
        List<Long> clients = encounters.clients();
        Map<String, Long> serviceIds = serviceIds();

        // warm up the server, the JIT and the connection pool on both paths
        postBatches(token, batches(clients, siteId, 4));
        copy(organisationId, siteId, manager.id(), clients, serviceIds, BATCH * 4);
        singlePosts(token, clients, siteId, 10, 10);

        List<Double> apiRates = new ArrayList<>();
        List<Double> copyRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int perRound = BATCHES_PER_ROUND * BATCH;
        for (int round = 0; round < ROUNDS; round++) {
            long before = encounters(organisationId);
            List<String> bodies = batches(clients, siteId, BATCHES_PER_ROUND);
            double apiSeconds = postBatches(token, bodies);
            double copySeconds = copy(organisationId, siteId, manager.id(), clients, serviceIds, perRound);
            assertThat(encounters(organisationId)).as("both paths stored every encounter").isEqualTo(before + 2L * perRound);
            double apiRate = perRound / apiSeconds;
            double copyRate = perRound / copySeconds;
            apiRates.add(apiRate);
            copyRates.add(copyRate);
            ratios.add(apiRate / copyRate);
        }

        long[] latencies = singlePosts(token, clients, siteId, CONCURRENT_CLIENTS, POSTS_PER_CLIENT);
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;

        String report = String.format(Locale.ROOT, """
                Encounter ingest on %s (rounds: %d, each %d encounters with %d services, batches of %d)
                  batch API  encounters/s per round: %s
                  COPY       encounters/s per round: %s
                  API / COPY per round:              %s
                  median API / COPY:                 %.2f
                Single-encounter POSTs, %d concurrent clients x %d each (%d requests)
                  p50 %.1f ms, p99 %.1f ms, max %.1f ms
                """, datasourceUrl.replaceAll("\\?.*", ""), ROUNDS, perRound, SERVICES.size(), BATCH, format(apiRates),
                format(copyRates), format(ratios), median(ratios), CONCURRENT_CLIENTS, POSTS_PER_CLIENT, latencies.length,
                p50, p99, latencies[latencies.length - 1] / 1e6);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "encounter-ingest.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    // ---- the API path

    private double postBatches(String token, List<String> bodies) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> response = http.send(post("/api/encounters/batch", token, body),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private long[] singlePosts(String token, List<Long> clients, long siteId, int concurrency, int each) throws Exception {
        List<List<String>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                bodies.add(encounters.encounter());
            }
            work.add(bodies);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Callable<long[]>> tasks = new ArrayList<>();
            for (List<String> bodies : work) {
                tasks.add(() -> {
                    long[] times = new long[bodies.size()];
                    for (int i = 0; i < bodies.size(); i++) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(post("/api/encounters", token, bodies.get(i)),
                                HttpResponse.BodyHandlers.ofString());
                        times[i] = System.nanoTime() - started;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    }
                    return times;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> result : pool.invokeAll(tasks)) {
                for (long time : result.get()) {
                    all.add(time);
                }
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private List<String> batches(List<Long> clients, long siteId, int count) {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder("{\"encounters\":[");
            for (int i = 0; i < BATCH; i++) {
                body.append(i == 0 ? "" : ",").append(encounters.encounter());
            }
            bodies.add(body.append("]}").toString());
        }
        return bodies;
    }

    // ---- the COPY baseline: the same rows, straight into the same tables

    private double copy(long organisationId, long siteId, long workerId, List<Long> clients, Map<String, Long> serviceIds,
                        int count) throws SQLException, IOException {
        StringBuilder encounterRows = new StringBuilder();
        StringBuilder serviceRows = new StringBuilder();
        String now = java.time.OffsetDateTime.now(ZoneOffset.UTC).toString();
        long started;
        try (Connection connection = dataSource.getConnection()) {
            started = System.nanoTime();
            connection.setAutoCommit(false);
            long first;
            try (var statement = connection.createStatement();
                 var ids = statement.executeQuery("SELECT nextval(pg_get_serial_sequence('encounters', 'id'))")) {
                ids.next();
                first = ids.getLong(1);
            }
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('encounters', 'id'), " + (first + count) + ")");
            }
            for (int i = 0; i < count; i++) {
                long id = first + i;
                LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(300));
                encounterRows.append(id).append(',').append(UUID.randomUUID()).append(',').append(organisationId).append(',')
                        .append(siteId).append(',').append(workerId).append(',').append(clients.get(random.nextInt(clients.size())))
                        .append(",false,").append(date).append(',').append(fingerprint()).append(',').append(now).append(',')
                        .append(workerId).append('\n');
                for (String code : SERVICES) {
                    serviceRows.append(id).append(',').append(serviceIds.get(code)).append(',').append(1 + random.nextInt(20))
                            .append('\n');
                }
            }
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            copyApi.copyIn("COPY encounters (id, uuid, organisation_id, site_id, worker_id, client_id, anonymous, "
                    + "encounter_date, fingerprint, created_at, created_by) FROM STDIN (FORMAT csv)",
                    new StringReader(encounterRows.toString()));
            copyApi.copyIn("COPY encounter_services (encounter_id, service_id, quantity) FROM STDIN (FORMAT csv)",
                    new StringReader(serviceRows.toString()));
            connection.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private String fingerprint() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    // ---- fixtures and arithmetic

    private Map<String, Long> serviceIds() {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (String code : SERVICES) {
            ids.put(code, jdbc.sql("SELECT id FROM services WHERE code = ? AND organisation_id IS NULL").param(code)
                    .query(Long.class).single());
        }
        return ids;
    }

    private long encounters(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(organisationId)
                .query(Long.class).single();
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v)).toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
