package org.reach.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V30 stops the upgrade, naming the rule, when an existing account holds ADMIN with a client-level role,
 * rather than dropping a role someone relies on; without such an account it runs through.
 */
class UpgradingRefusesAdministratorsWithClientRolesTest {

    @Test
    void anAdministratorWithAClientLevelRoleStopsTheUpgrade() throws Exception {
        String url = database();
        flyway(url, lastVersionBeforeV30(url)).migrate();
        execute(url, """
                INSERT INTO user_accounts (id, username, display_name, password_hash, active, failed_logins,
                                           password_change_required, created_at, updated_at)
                VALUES (900, 'two.hats', 'Two hats', 'x', TRUE, 0, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                "INSERT INTO user_roles (user_id, role) VALUES (900, 'ADMIN')",
                "INSERT INTO user_roles (user_id, role) VALUES (900, 'ME_OFFICER')");

        Throwable refused = catchThrowable(() -> flyway(url, "latest").migrate());
        assertThat(refused).isInstanceOf(FlywayException.class);
        java.io.StringWriter trace = new java.io.StringWriter();
        refused.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString().toLowerCase()).contains("no_administrator_may_hold_a_client_level_role");
    }

    @Test
    void separateAccountsUpgradeAndOldTokensGetAnEnd() throws Exception {
        String url = database();
        flyway(url, lastVersionBeforeV30(url)).migrate();
        execute(url, """
                INSERT INTO user_accounts (id, username, display_name, password_hash, active, failed_logins,
                                           password_change_required, created_at, updated_at)
                VALUES (901, 'only.admin', 'Admin', 'x', TRUE, 0, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                "INSERT INTO user_roles (user_id, role) VALUES (901, 'ADMIN')",
                """
                INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_at)
                VALUES (901, 'forever', '%s', 'reach_abcdef', CURRENT_TIMESTAMP)""".formatted("a".repeat(64)));

        flyway(url, "latest").migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM api_tokens WHERE expires_at IS NULL")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    private static String database() {
        return "jdbc:h2:mem:upgrade" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** The newest migration older than V30, whichever other migrations exist. */
    private static String lastVersionBeforeV30(String url) {
        MigrationVersion v30 = MigrationVersion.fromVersion("30");
        return Arrays.stream(flyway(url, "latest").info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(v30) < 0)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target)
                .cleanDisabled(true).load();
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
