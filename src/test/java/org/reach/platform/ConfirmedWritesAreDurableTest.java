package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Reach does not run with commits that are confirmed before they are on disk: H2's write delay is taken down to
 * 0 whatever the URL says, and PostgreSQL with synchronous_commit off is refused. The crash itself is
 * {@code ConfirmedWritesSurviveACrashTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConfirmedWritesAreDurableTest {

    @Autowired DataSource dataSource;

    @Test
    void h2WritesEveryCommitAtOnce() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assumeThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            statement.execute("SET WRITE_DELAY 500");
            DurableCommits.check(connection);
            try (ResultSet setting = statement.executeQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
                assertThat(setting.next()).isTrue();
                assertThat(setting.getString(1)).isEqualTo("0");
            }
        }
    }

    @Test
    void postgresqlWithoutSynchronousCommitIsRefused() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assumeThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            DurableCommits.check(connection);
            statement.execute("SET synchronous_commit = off");
            try {
                assertThatThrownBy(() -> DurableCommits.check(connection)).hasMessageContaining("synchronous_commit");
            } finally {
                statement.execute("RESET synchronous_commit");
            }
        }
    }
}
