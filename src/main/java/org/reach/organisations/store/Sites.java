package org.reach.organisations.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.reach.organisations.OpeningStatus;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.organisations.SiteType;
import org.reach.platform.CachedReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Sites {

    private static final String SELECT = """
            SELECT id, organisation_id, name, site_type, area, city, latitude, longitude, opening_status, active FROM sites""";

    private final JdbcClient jdbc;
    /** For the hot path of recording only; dropped by every write below, so it never outlives a change made here. */
    private final CachedReads<Long, List<Site>> kept = new CachedReads<>(Duration.ofSeconds(60));

    Sites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As {@link #ofOrganisation}, from a copy kept per organisation until one of its sites changes. */
    public List<Site> ofOrganisationKept(long organisationId) {
        return kept.get(organisationId, org -> List.copyOf(ofOrganisation(org)));
    }

    public List<Site> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(Sites::map).list();
    }

    public List<Site> ofOrganisation(long organisationId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = ? ORDER BY name").param(organisationId).query(Sites::map).list();
    }

    public List<Site> ofOrganisations(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? List.of() : jdbc.sql(SELECT + " WHERE organisation_id IN (:orgs) ORDER BY name")
                .param("orgs", organisationIds).query(Sites::map).list();
    }

    public Optional<Site> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Sites::map).optional();
    }

    public boolean nameTaken(long organisationId, String name, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM sites WHERE organisation_id = ? AND LOWER(name) = LOWER(?) AND id <> ?")
                .params(organisationId, name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public long insert(SiteForm form, Instant now) {
        kept.drop(form.organisationId());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO sites (organisation_id, name, site_type, area, city, latitude, longitude, opening_status,
                                           active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(form.organisationId(), form.name(), form.type().name(), form.area(), form.city(), form.latitude(),
                        form.longitude(), form.openingStatus().name(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, SiteForm form, Instant now) {
        kept.dropAll(); // the site's organisation is not at hand, and sites change rarely
        jdbc.sql("""
                        UPDATE sites SET name = ?, site_type = ?, area = ?, city = ?, latitude = ?, longitude = ?,
                                         opening_status = ?, updated_at = ?
                        WHERE id = ?""")
                .params(form.name(), form.type().name(), form.area(), form.city(), form.latitude(), form.longitude(),
                        form.openingStatus().name(), Timestamp.from(now), id)
                .update();
    }

    public void setActive(long id, boolean active, Instant now) {
        kept.dropAll();
        jdbc.sql("UPDATE sites SET active = ?, updated_at = ? WHERE id = ?").params(active, Timestamp.from(now), id).update();
    }

    private static Site map(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                SiteType.valueOf(rs.getString("site_type")), rs.getString("area"), rs.getString("city"),
                rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class), OpeningStatus.valueOf(rs.getString("opening_status")),
                rs.getBoolean("active"));
    }
}
