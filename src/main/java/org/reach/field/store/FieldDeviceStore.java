package org.reach.field.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.field.FieldDevice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Enrolled field devices, kept with the hash of their token only. */
@Repository
public class FieldDeviceStore {

    private static final String SELECT = """
            SELECT id, organisation_id, user_id, label, token_prefix, enrolled_at, expires_at, last_seen_at, revoked_at,
                   revoked_by, wiped_told_at
            FROM field_devices""";

    private final JdbcClient jdbc;

    FieldDeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organisationId, long userId, String label, String hash, String prefix, Instant now,
                       Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO field_devices (organisation_id, user_id, label, token_hash, token_prefix, enrolled_at,
                                                   expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, userId, label, hash, prefix, Timestamp.from(now), Timestamp.from(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<FieldDevice> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    public Optional<FieldDevice> byHash(String hash) {
        return jdbc.sql(SELECT + " WHERE token_hash = ?").param(hash).query((rs, i) -> map(rs)).optional();
    }

    public List<FieldDevice> ofOrganisation(long organisationId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY enrolled_at DESC, id DESC").param(organisationId)
                .query((rs, i) -> map(rs)).list();
    }

    public List<FieldDevice> ofUser(long userId) {
        return jdbc.sql(SELECT + " WHERE user_id = ? ORDER BY enrolled_at DESC, id DESC").param(userId)
                .query((rs, i) -> map(rs)).list();
    }

    public boolean revoke(long id, long by, Instant now) {
        return jdbc.sql("UPDATE field_devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), by, id).update() == 1;
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE field_devices SET last_seen_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    public void toldToWipe(long id, Instant now) {
        jdbc.sql("UPDATE field_devices SET wiped_told_at = ? WHERE id = ? AND wiped_told_at IS NULL")
                .params(Timestamp.from(now), id).update();
    }

    private static FieldDevice map(ResultSet rs) throws SQLException {
        return new FieldDevice(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("user_id"),
                rs.getString("label"), rs.getString("token_prefix"), instant(rs, "enrolled_at"),
                instant(rs, "expires_at"), instant(rs, "last_seen_at"), instant(rs, "revoked_at"),
                rs.getObject("revoked_by", Long.class), instant(rs, "wiped_told_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
