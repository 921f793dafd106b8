package org.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch answered {@code 200 {"stored":500}} must be on disk: Reach runs as its own process, three threads send
 * batches of encounters, the process is killed with SIGKILL the moment a batch is confirmed, and after a restart on
 * the same data every confirmed batch is there exactly once (and every unconfirmed one wholly or not at all).
 * Runs on the embedded H2 file database, and on PostgreSQL (in a schema of its own) when SPRING_DATASOURCE_URL
 * points there.
 */
@Tag("crash")
class ConfirmedWritesSurviveACrashTest {

    private static final int THREADS = 3;
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 40;
    /** Confirmations to wait for before the kill: enough that the database has written for a while. */
    private static final int KILL_AFTER = 6;

    @Test
    void everyConfirmedBatchIsThereExactlyOnceAfterAKill(@TempDir Path dir) throws Exception {
        Database database = Database.forThisRun(dir);
        try {
            ReachProcess first = ReachProcess.start(database, dir, "first");
            first.stop();

            String secret = "reach_" + UUID.randomUUID().toString().replace("-", "");
            long siteId;
            try (Connection connection = database.connect()) {
                siteId = issueTokenForThePeer(connection, secret);
            }

            ReachProcess second = ReachProcess.start(database, dir, "second");
            Map<Integer, List<String>> confirmed = new ConcurrentHashMap<>();
            Map<Integer, List<String>> sent = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            CountDownLatch killed = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int t = 0; t < THREADS; t++) {
                Thread sender = new Thread(() -> {
                    int batch;
                    while (killed.getCount() > 0 && (batch = next.getAndIncrement()) < MAX_BATCHES) {
                        List<String> uuids = new ArrayList<>();
                        for (int i = 0; i < BATCH; i++) {
                            uuids.add(UUID.randomUUID().toString());
                        }
                        sent.put(batch, uuids);
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(second.uri("/api/encounters/batch"))
                                    .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(batchOf(uuids, siteId))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() != 200 || !answer.body().replace(" ", "").contains("\"stored\":" + BATCH)) {
                                throw new AssertionError("batch " + batch + " answered " + answer.statusCode() + " " + answer.body());
                            }
                            confirmed.put(batch, uuids);
                            if (confirmed.size() >= KILL_AFTER && killed.getCount() > 0) {
                                // SIGKILL right after a confirmation: nothing gets a chance to flush on the way out.
                                second.kill();
                                killed.countDown();
                            }
                        } catch (IOException cut) {
                            return;
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, "batch-sender-" + t);
                sender.setUncaughtExceptionHandler((thread, failure) -> {
                    failure.printStackTrace();
                    second.kill();
                    killed.countDown();
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join(TimeUnit.SECONDS.toMillis(90));
            }
            second.kill();
            assertThat(confirmed).as("batches confirmed before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER);

            ReachProcess third = ReachProcess.start(database, dir, "third");
            third.stop();

            try (Connection connection = database.connect()) {
                for (Map.Entry<Integer, List<String>> batch : sent.entrySet()) {
                    Map<String, Integer> stored = storedCounts(connection, batch.getValue());
                    if (confirmed.containsKey(batch.getKey())) {
                        assertThat(stored.values().stream().mapToInt(Integer::intValue).sum())
                                .as("encounters of confirmed batch %d after the restart", batch.getKey()).isEqualTo(BATCH);
                        assertThat(stored).as("each encounter of confirmed batch %d once", batch.getKey())
                                .allSatisfy((uuid, count) -> assertThat(count).isEqualTo(1));
                    } else {
                        assertThat(stored.size()).as("unconfirmed batch %d is all or nothing", batch.getKey())
                                .isIn(0, BATCH);
                    }
                }
            }
        } finally {
            database.drop();
        }
    }

    private static String batchOf(List<String> uuids, long siteId) {
        String date = LocalDate.now().minusDays(1).toString();
        return uuids.stream().map(uuid -> "{\"uuid\":\"" + uuid + "\",\"date\":\"" + date + "\",\"siteId\":" + siteId
                        + ",\"anonymous\":true,\"services\":[{\"code\":\"CONDOMS\",\"quantity\":1}]}")
                .collect(Collectors.joining(",", "{\"encounters\":[", "]}"));
    }

    /** Gives the demo outreach worker a token (there is no page for tokens) and answers one of their sites. */
    private static long issueTokenForThePeer(Connection connection, String secret) throws Exception {
        long userId;
        long siteId;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT u.id, s.site_id FROM user_accounts u JOIN user_sites s ON s.user_id = u.id WHERE u.username = ? ORDER BY s.site_id")) {
            query.setString(1, "karachi.peer");
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the demo outreach worker and a site of theirs").isTrue();
                userId = row.getLong(1);
                siteId = row.getLong(2);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_tokens (user_id, name, token_hash, token_prefix,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            Instant now = Instant.now();
            insert.setLong(1, userId);
            insert.setString(2, "crash test");
            insert.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
            insert.setString(4, secret.substring(0, 12));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now.plus(Duration.ofDays(1))));
            insert.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return siteId;
    }

    private static Map<String, Integer> storedCounts(Connection connection, List<String> uuids) throws SQLException {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        String marks = uuids.stream().map(u -> "?").collect(Collectors.joining(","));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT uuid, COUNT(*) FROM encounters WHERE uuid IN (" + marks + ") GROUP BY uuid")) {
            for (int i = 0; i < uuids.size(); i++) {
                query.setString(i + 1, uuids.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Where the process keeps its data: an H2 file under the test's directory, or a fresh PostgreSQL database. */
    record Database(String url, String username, String password, String adminUrl, String name, List<String> arguments) {

        static Database forThisRun(Path dir) throws SQLException {
            String configured = System.getenv("SPRING_DATASOURCE_URL");
            if (configured != null && configured.startsWith("jdbc:postgresql:")) {
                String username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
                String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
                String name = "reach_crash_" + Long.toHexString(System.nanoTime());
                // A database of its own (the suite's role may create databases in CI): nothing shared with other tests.
                try (Connection connection = DriverManager.getConnection(configured, username, password);
                     Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
                String url = configured.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + name);
                return new Database(url, username, password, configured, name, List.of("--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + username, "--spring.datasource.password=" + password,
                        "--reach.demo.enabled=true", "--reach.files.dir=" + dir.resolve("files")));
            }
            // The embedded profile exactly as an NGO runs it, on a data directory of its own.
            return new Database("jdbc:h2:file:" + dir.resolve("data").resolve("reach")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", null, null,
                    List.of("--spring.profiles.active=embedded"));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        void drop() throws SQLException {
            if (name != null) {
                try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                     Statement drop = connection.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    /** Reach started from this build's classes as a separate JVM on a free port. */
    static final class ReachProcess {
        private final Process process;
        private final int port;
        private final Path log;

        private ReachProcess(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static ReachProcess start(Database database, Path dir, String name) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String classpath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                            .split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes"))
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, ReachApplication.class.getName(),
                    "--server.port=" + port));
            command.addAll(database.arguments());
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("REACH_"));
            builder.environment().put("REACH_DATA_DIR", dir.resolve("data").toString());
            ReachProcess reach = new ReachProcess(builder.start(), port, log);
            reach.awaitReady();
            return reach;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private void awaitReady() throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("Reach stopped while starting:\n" + tail());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            kill();
            throw new AssertionError("Reach did not start within 180 s:\n" + tail());
        }

        /** SIGTERM: a clean shutdown. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        /** SIGKILL on Linux: the process gets no chance to clean up. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }
}
