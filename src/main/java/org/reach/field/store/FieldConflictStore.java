package org.reach.field.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.reach.field.ConflictKind;
import org.reach.field.FieldConflict;
import org.reach.field.Resolution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Phones' versions of records that clash with stored ones. */
@Repository
public class FieldConflictStore {

    private static final String SELECT = """
            SELECT id, organisation_id, site_id, device_id, reported_by, kind, record_uuid, form_version, phone_version,
                   differences, reported_at, resolved_at, resolved_by, resolution, resolution_note
            FROM field_conflicts""";

    private final JdbcClient jdbc;

    FieldConflictStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The same version reported again answers the conflict already kept. */
    public Optional<FieldConflict> find(long organisationId, ConflictKind kind, String uuid, String versionHash) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? AND kind = ? AND record_uuid = ? AND version_hash = ?")
                .params(organisationId, kind.name(), uuid, versionHash).query((rs, i) -> map(rs)).optional();
    }

    public long insert(long organisationId, Long siteId, Long deviceId, long reportedBy, ConflictKind kind, String uuid,
                       String formVersion, String phoneVersion, String versionHash, List<String> differences,
                       Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO field_conflicts (organisation_id, site_id, device_id, reported_by, kind, record_uuid,
                            form_version, phone_version, version_hash, differences, reported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, siteId, deviceId, reportedBy, kind.name(), uuid, formVersion, phoneVersion,
                        versionHash, String.join(",", differences), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<FieldConflict> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    public List<FieldConflict> ofOrganisation(long organisationId, boolean openOnly) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ?" + (openOnly ? " AND resolved_at IS NULL" : "")
                        + " ORDER BY reported_at DESC, id DESC")
                .param(organisationId).query((rs, i) -> map(rs)).list();
    }

    public boolean resolve(long id, long by, Resolution resolution, String note, Instant now) {
        return jdbc.sql("""
                        UPDATE field_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, resolution_note = ?
                        WHERE id = ? AND resolved_at IS NULL""")
                .params(Timestamp.from(now), by, resolution.name(), note, id).update() == 1;
    }

    private static FieldConflict map(ResultSet rs) throws SQLException {
        String differences = rs.getString("differences");
        String resolution = rs.getString("resolution");
        return new FieldConflict(rs.getLong("id"), rs.getLong("organisation_id"), rs.getObject("site_id", Long.class),
                rs.getObject("device_id", Long.class), rs.getLong("reported_by"), ConflictKind.valueOf(rs.getString("kind")),
                rs.getString("record_uuid"), rs.getString("form_version"), rs.getString("phone_version"),
                differences == null || differences.isBlank() ? List.of() : Arrays.asList(differences.split(",")),
                FieldDeviceStore.instant(rs, "reported_at"), FieldDeviceStore.instant(rs, "resolved_at"),
                rs.getObject("resolved_by", Long.class), resolution == null ? null : Resolution.valueOf(resolution),
                rs.getString("resolution_note"));
    }
}
