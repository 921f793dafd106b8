package org.reach.outreach.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.reach.outreach.PlanEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The weekly microplan rows. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organisationId, long siteId, long peerId, long hotspotId, DayOfWeek weekday, long actorId,
                       Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_plan (organisation_id, site_id, peer_id, hotspot_id, weekday, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, siteId, peerId, hotspotId, weekday.getValue(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actorId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<PlanEntry> find(long organisationId, long peerId, long hotspotId, DayOfWeek weekday) {
        return jdbc.sql("SELECT * FROM outreach_plan WHERE organisation_id = ? AND peer_id = ? AND hotspot_id = ? AND weekday = ?")
                .params(organisationId, peerId, hotspotId, weekday.getValue()).query(PlanStore::row).optional();
    }

    public Optional<PlanEntry> byId(long id) {
        return jdbc.sql("SELECT * FROM outreach_plan WHERE id = ?").param(id).query(PlanStore::row).optional();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM outreach_plan WHERE id = ?").param(id).update();
    }

    public List<PlanEntry> ofOrganisation(long organisationId) {
        return jdbc.sql("SELECT * FROM outreach_plan WHERE organisation_id = ? ORDER BY weekday, site_id, peer_id, hotspot_id")
                .param(organisationId).query(PlanStore::row).list();
    }

    private static PlanEntry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PlanEntry(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("site_id"), rs.getLong("peer_id"),
                rs.getLong("hotspot_id"), DayOfWeek.of(rs.getInt("weekday")));
    }
}
