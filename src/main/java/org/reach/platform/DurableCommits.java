package org.reach.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A write Reach has confirmed must survive a crash of the process. H2 writes committed changes to its file
 * only every WRITE_DELAY milliseconds (500 by default), so a kill right after a confirmation lost whole batches:
 * here the delay is set to 0, which H2 keeps in the database file, so a URL without it is durable too.
 * PostgreSQL is durable while {@code synchronous_commit} and {@code fsync} are on (their defaults); Reach refuses
 * to start when either has been turned off for its database or role, rather than confirm writes it may lose.
 */
@Component
class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    DurableCommits(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            check(connection);
        }
    }

    static void check(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement statement = connection.createStatement()) {
            if (product.contains("h2")) {
                statement.execute("SET WRITE_DELAY 0");
            } else if (product.contains("postgresql")) {
                for (String setting : new String[] {"synchronous_commit", "fsync"}) {
                    try (ResultSet value = statement.executeQuery("SELECT current_setting('" + setting + "')")) {
                        value.next();
                        if ("off".equalsIgnoreCase(value.getString(1))) {
                            throw new IllegalStateException("PostgreSQL has " + setting + " off for this connection: a crash"
                                    + " could lose writes Reach has confirmed. Turn it on (ALTER DATABASE/ROLE ... RESET "
                                    + setting + ") and start again.");
                        }
                    }
                }
            } else {
                log.warn("Unknown database {}: Reach cannot check that committed writes are durable", product);
            }
        }
    }
}
