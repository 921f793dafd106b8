package org.reach.services.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reach.platform.CachedReads;
import org.reach.services.ServiceCategory;
import org.reach.services.ServiceDefinition;
import org.reach.services.ServiceForm;
import org.reach.services.ServiceUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ServiceStore {

    /** Services as one organisation sees them: a built-in service it retired for itself counts as retired. */
    private static final String SELECT = """
            SELECT s.id, s.organisation_id, s.code, s.category, s.unit, s.name, s.sort_order,
                   CASE WHEN s.active AND r.service_id IS NULL THEN TRUE ELSE FALSE END AS active
            FROM services s LEFT JOIN service_retirements r ON r.service_id = s.id AND r.organisation_id = :org""";

    /** Every encounter is checked against the catalogue: kept per organisation, dropped by every write below. */
    private static final Duration KEPT = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final CachedReads<Long, List<ServiceDefinition>> catalogues = new CachedReads<>(KEPT);
    private final CachedReads<Long, Optional<Double>> weights = new CachedReads<>(KEPT);

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Built-in services and those of one organisation, in catalogue order. */
    public List<ServiceDefinition> visibleTo(Long organisationId) {
        return catalogues.get(organisationId == null ? -1L : organisationId, org -> List.copyOf(jdbc.sql(SELECT
                        + " WHERE s.organisation_id IS NULL OR s.organisation_id = :org ORDER BY s.sort_order, s.code")
                .param("org", org).query(ServiceStore::map).list()));
    }

    /** One service as an organisation sees it (none: as defined). */
    public Optional<ServiceDefinition> byId(long id, Long organisationId) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).param("org", organisationId == null ? -1L : organisationId)
                .query(ServiceStore::map).optional();
    }

    public void retireFor(long organisationId, long serviceId, Instant now) {
        catalogues.drop(organisationId);
        if (jdbc.sql("SELECT COUNT(*) FROM service_retirements WHERE organisation_id = ? AND service_id = ?")
                .params(organisationId, serviceId).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO service_retirements (organisation_id, service_id, retired_at) VALUES (?, ?, ?)")
                    .params(organisationId, serviceId, Timestamp.from(now)).update();
        }
    }

    public void reinstateFor(long organisationId, long serviceId) {
        catalogues.drop(organisationId);
        jdbc.sql("DELETE FROM service_retirements WHERE organisation_id = ? AND service_id = ?")
                .params(organisationId, serviceId).update();
    }

    public long insert(long organisationId, ServiceForm form, Instant now) {
        catalogues.drop(organisationId);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO services (organisation_id, code, category, unit, name, sort_order, active, created_at)
                        VALUES (?, ?, ?, ?, ?, 5000, TRUE, ?)""")
                .params(organisationId, form.code(), form.category().name(), form.unit().name(), form.name(),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setActive(long id, boolean active) {
        catalogues.dropAll(); // a built-in service is in every organisation's catalogue
        jdbc.sql("UPDATE services SET active = ? WHERE id = ?").params(active, id).update();
    }

    public boolean used(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM encounter_services WHERE service_id = ?").param(id).query(Long.class).single() > 0;
    }

    public void delete(long id) {
        catalogues.dropAll();
        jdbc.sql("DELETE FROM services WHERE id = ?").param(id).update();
    }

    /** The codes an organisation used most in encounters since a day, most used first. */
    /** The services given most at one site since the day, most given first. */
    public List<String> mostUsedCodesAtSite(long organisationId, long siteId, java.time.LocalDate since, int limit) {
        return jdbc.sql("""
                        SELECT s.code FROM encounter_services es
                        JOIN encounters e ON e.id = es.encounter_id JOIN services s ON s.id = es.service_id
                        WHERE e.organisation_id = ? AND e.site_id = ? AND e.encounter_date >= ? AND s.active = TRUE
                        GROUP BY s.code ORDER BY COUNT(*) DESC, s.code LIMIT ?""")
                .params(organisationId, siteId, since, limit).query(String.class).list();
    }

    public List<String> mostUsedCodes(long organisationId, java.time.LocalDate since, int limit) {
        return jdbc.sql("""
                        SELECT s.code FROM encounter_services es
                        JOIN encounters e ON e.id = es.encounter_id JOIN services s ON s.id = es.service_id
                        WHERE e.organisation_id = ? AND e.encounter_date >= ? AND s.active = TRUE
                        GROUP BY s.code ORDER BY COUNT(*) DESC, s.code LIMIT ?""")
                .params(organisationId, since, limit).query(String.class).list();
    }

    public double syringesPerKg(long organisationId, double fallback) {
        return weights.get(organisationId, org -> jdbc.sql("SELECT syringes_per_kg FROM service_settings WHERE organisation_id = ?")
                .param(org).query(Double.class).optional()).orElse(fallback);
    }

    public void saveSyringesPerKg(long organisationId, double value, Instant now) {
        weights.drop(organisationId);
        int updated = jdbc.sql("UPDATE service_settings SET syringes_per_kg = ?, updated_at = ? WHERE organisation_id = ?")
                .params(value, Timestamp.from(now), organisationId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO service_settings (organisation_id, syringes_per_kg, updated_at) VALUES (?, ?, ?)")
                    .params(organisationId, value, Timestamp.from(now)).update();
        }
    }

    private static ServiceDefinition map(ResultSet rs, int row) throws SQLException {
        return new ServiceDefinition(rs.getLong("id"), rs.getObject("organisation_id", Long.class), rs.getString("code"),
                ServiceCategory.valueOf(rs.getString("category")), ServiceUnit.valueOf(rs.getString("unit")),
                rs.getString("name"), rs.getInt("sort_order"), rs.getBoolean("active"));
    }
}
