package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup --to FILE} and {@code restore --from FILE}, run as the jar runs them, give back a database in which
 * every table has the same rows: same count and same checksum of its contents. On an H2 file database, and on
 * PostgreSQL (fresh source and target databases) when SPRING_DATASOURCE_URL points there.
 */
class BackingUpAndRestoringTest {

    @TempDir Path dir;

    @Test
    void aRestoredBackupHoldsEveryRowOfEveryTable() throws Exception {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        boolean postgres = configured != null && configured.startsWith("jdbc:postgresql:");
        String username = postgres ? System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres") : "sa";
        String password = postgres ? System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "") : "";
        String suffix = Long.toHexString(System.nanoTime());
        String source;
        String target;
        if (postgres) {
            source = database(configured, username, password, "reach_backup_" + suffix);
            target = database(configured, username, password, "reach_restore_" + suffix);
        } else {
            String settings = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            source = "jdbc:h2:file:" + dir.resolve("before").resolve("reach") + settings;
            target = "jdbc:h2:file:" + dir.resolve("after").resolve("reach") + settings;
        }
        try {
            Flyway.configure().dataSource(source, username, password).locations("classpath:db/migration").load().migrate();
            try (Connection connection = DriverManager.getConnection(source, username, password);
                 Statement insert = connection.createStatement()) {
                insert.execute("INSERT INTO programmes (name, created_at, updated_at) VALUES ('Backup programme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                insert.execute("INSERT INTO audit_events (occurred_at, actor_username, action, entity_type, detail, remote_address)"
                        + " VALUES (CURRENT_TIMESTAMP, 'someone', 'READ', 'client', 'before the backup', '127.0.0.1')");
            }
            Map<String, String> before = contents(source, username, password);
            assertThat(before).containsKeys("programmes", "audit_events", "encounters", "services");

            Path file = dir.resolve(postgres ? "reach.dump" : "reach.zip");
            assertThat(BackupCommand.run(new String[] {"backup", "--to", file.toString(), "--spring.datasource.url=" + source,
                    "--spring.datasource.username=" + username, "--spring.datasource.password=" + password})).isZero();
            assertThat(BackupCommand.run(new String[] {"restore", "--from", file.toString(), "--spring.datasource.url=" + target,
                    "--spring.datasource.username=" + username, "--spring.datasource.password=" + password})).isZero();

            assertThat(contents(target, username, password)).isEqualTo(before);
            assertThat(BackupCommand.run(new String[] {"restore", "--from", file.toString(), "--spring.datasource.url=" + target,
                    "--spring.datasource.username=" + username, "--spring.datasource.password=" + password}))
                    .as("restoring over a database that holds data is refused").isNotZero();
        } finally {
            if (postgres) {
                drop(configured, username, password, "reach_backup_" + suffix);
                drop(configured, username, password, "reach_restore_" + suffix);
            }
        }
    }

    /** Every table of the schema with its row count and a checksum of its rows in a fixed order. */
    private static Map<String, String> contents(String url, String username, String password) throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            for (String table : names) {
                try (Statement query = connection.createStatement();
                     ResultSet rows = query.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    List<String> lines = new ArrayList<>();
                    while (rows.next()) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 1; c <= columns; c++) {
                            cells.add(String.valueOf(rows.getString(c)));
                        }
                        lines.add(String.join("\u0001", cells));
                    }
                    lines.sort(null);
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
                    tables.put(table, lines.size() + " rows, sha-256 " + HexFormat.of().formatHex(sha.digest()));
                }
            }
        }
        return tables;
    }

    private static String database(String configured, String username, String password, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(configured, username, password);
             Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return configured.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + name);
    }

    private static void drop(String configured, String username, String password, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(configured, username, password);
             Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
