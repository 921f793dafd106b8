package org.reach.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Password resets done by someone other than the person, and the one-time passwords waiting for a manager. */
@Repository
public class PasswordResets {

    private static final String SELECT = """
            SELECT r.id, r.account_id, a.username, r.organisation_id, r.reset_by, b.username AS reset_by_username,
                   r.reset_at, r.awaiting_handover, r.handover_at
            FROM password_resets r
            JOIN user_accounts a ON a.id = r.account_id
            LEFT JOIN user_accounts b ON b.id = r.reset_by""";

    private final JdbcClient jdbc;

    PasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long accountId, String username, Long organisationId, long resetBy, String resetByUsername,
                      Instant resetAt, boolean awaitingHandover, Instant handoverAt) {
    }

    public long insert(long accountId, Long organisationId, long resetBy, Instant now, boolean awaitingHandover) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO password_resets (account_id, organisation_id, reset_by, reset_at, handover_by, handover_at,
                                                     awaiting_handover)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, organisationId, resetBy, Timestamp.from(now), awaitingHandover ? null : resetBy,
                        awaitingHandover ? null : Timestamp.from(now), awaitingHandover)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Resets in one organisation that still wait for a manager, or happened since the given instant. */
    public List<Row> ofOrganisation(long organisationId, Instant since) {
        return jdbc.sql(SELECT + " WHERE r.organisation_id = ? AND (r.awaiting_handover OR r.reset_at >= ?) ORDER BY r.reset_at DESC")
                .params(organisationId, Timestamp.from(since)).query((rs, i) -> row(rs)).list();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    /** Earlier handovers of the same account are void once a newer reset or handover exists. */
    public void closeAwaiting(long accountId) {
        jdbc.sql("UPDATE password_resets SET awaiting_handover = FALSE WHERE account_id = ? AND awaiting_handover")
                .param(accountId).update();
    }

    public boolean markHandedOver(long id, long manager, Instant now) {
        return jdbc.sql("""
                        UPDATE password_resets SET awaiting_handover = FALSE, handover_by = ?, handover_at = ?
                        WHERE id = ? AND awaiting_handover""")
                .params(manager, Timestamp.from(now), id).update() == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp handover = rs.getTimestamp("handover_at");
        return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"),
                rs.getObject("organisation_id", Long.class), rs.getLong("reset_by"), rs.getString("reset_by_username"),
                rs.getTimestamp("reset_at").toInstant(), rs.getBoolean("awaiting_handover"),
                handover == null ? null : handover.toInstant());
    }
}
