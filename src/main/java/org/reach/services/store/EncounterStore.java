package org.reach.services.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.services.Encounter;
import org.reach.services.GivenService;
import org.reach.services.ServiceUnit;
import org.reach.services.TestResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EncounterStore {

    private static final String SELECT = """
            SELECT id, uuid, organisation_id, site_id, hotspot, worker_id, client_id, anonymous, encounter_date,
                   returned_syringes, returned_weight_grams, notes, created_at FROM encounters""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EncounterStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new encounter row ready to insert; services as (serviceId, quantity, result, linked). */
    public record NewEncounter(String uuid, long organisationId, Long siteId, String hotspot, long workerId, Long clientId,
                               boolean anonymous, LocalDate date, Integer returnedSyringes, Integer returnedWeightGrams,
                               String notes, String fingerprint, List<NewService> services) {
    }

    public record NewService(long serviceId, int quantity, TestResult result, Boolean linked) {
    }

    public record Known(String uuid, long id, long organisationId, String fingerprint) {
    }

    /** The organisation's encounters with these uuids: another organisation's uuids are never looked at. */
    public Map<String, Known> known(long organisationId, Collection<String> uuids) {
        Map<String, Known> found = new HashMap<>();
        if (uuids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT uuid, id, organisation_id, fingerprint FROM encounters WHERE organisation_id = :org AND uuid IN (:uuids)")
                .param("org", organisationId).param("uuids", List.copyOf(uuids))
                .query((rs, row) -> new Known(rs.getString("uuid"), rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getString("fingerprint")))
                .list().forEach(k -> found.put(k.uuid(), k));
        return found;
    }

    /** Writes all encounters and their services with two JDBC batches; returns the new ids in input order. */
    public List<Long> insertAll(List<NewEncounter> encounters, long createdBy, Instant now) {
        if (encounters.isEmpty()) {
            return List.of();
        }
        Timestamp created = Timestamp.from(now);
        template.batchUpdate(INSERT_ENCOUNTER, encounters, 500,
                (PreparedStatement ps, NewEncounter e) -> setEncounter(ps, e, created, createdBy));
        Map<String, Long> ids = new HashMap<>();
        known(encounters.get(0).organisationId(), encounters.stream().map(NewEncounter::uuid).toList()).values()
                .forEach(k -> ids.put(k.uuid(), k.id()));
        List<Object[]> lines = new ArrayList<>();
        for (NewEncounter e : encounters) {
            for (NewService s : e.services()) {
                lines.add(new Object[] {ids.get(e.uuid()), s.serviceId(), s.quantity(),
                        s.result() == null ? null : s.result().name(), s.linked()});
            }
        }
        template.batchUpdate("INSERT INTO encounter_services (encounter_id, service_id, quantity, result, linked) VALUES (?, ?, ?, ?, ?)",
                lines, new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN});
        return encounters.stream().map(e -> ids.get(e.uuid())).toList();
    }

    private static final String INSERT_ENCOUNTER = """
            INSERT INTO encounters (uuid, organisation_id, site_id, hotspot, worker_id, client_id, anonymous,
                                    encounter_date, returned_syringes, returned_weight_grams, notes, fingerprint,
                                    created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void setEncounter(PreparedStatement ps, NewEncounter e, Timestamp created, long createdBy)
            throws SQLException {
        ps.setString(1, e.uuid());
        ps.setLong(2, e.organisationId());
        setLong(ps, 3, e.siteId());
        ps.setString(4, e.hotspot());
        ps.setLong(5, e.workerId());
        setLong(ps, 6, e.clientId());
        ps.setBoolean(7, e.anonymous());
        ps.setDate(8, Date.valueOf(e.date()));
        setInt(ps, 9, e.returnedSyringes());
        setInt(ps, 10, e.returnedWeightGrams());
        ps.setString(11, e.notes());
        ps.setString(12, e.fingerprint());
        ps.setTimestamp(13, created);
        ps.setLong(14, createdBy);
    }

    /**
     * One encounter and its services in two statements: the id comes back from the insert itself rather than from
     * reading the uuid again, as {@link #insertAll} must for a batch.
     */
    public long insertOne(NewEncounter e, long createdBy, Instant now) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(INSERT_ENCOUNTER, new String[] {"id"});
            setEncounter(ps, e, Timestamp.from(now), createdBy);
            return ps;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        List<Object[]> lines = new ArrayList<>();
        for (NewService s : e.services()) {
            lines.add(new Object[] {id, s.serviceId(), s.quantity(), s.result() == null ? null : s.result().name(), s.linked()});
        }
        if (!lines.isEmpty()) {
            template.batchUpdate("INSERT INTO encounter_services (encounter_id, service_id, quantity, result, linked) VALUES (?, ?, ?, ?, ?)",
                    lines, new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN});
        }
        return id;
    }

    public Optional<Encounter> byId(long id) {
        return list(SELECT + " WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Encounters of an organisation, optionally narrowed; sites null means any place. */
    public List<Encounter> search(long organisationId, LocalDate from, LocalDate to, Long siteId, Long clientId,
                                  Collection<Long> onlySites, Long orRecordedBy, int limit) {
        return search(organisationId, from, to, siteId, clientId, onlySites, orRecordedBy, 0, limit);
    }

    /** One page of {@link #search}, newest first. */
    public List<Encounter> search(long organisationId, LocalDate from, LocalDate to, Long siteId, Long clientId,
                                  Collection<Long> onlySites, Long orRecordedBy, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(organisationId, from, to, siteId, clientId, onlySites, orRecordedBy, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return list(SELECT + where + " ORDER BY encounter_date DESC, id DESC LIMIT :limit OFFSET :offset", params);
    }

    /** How many encounters {@link #search} finds over all pages. */
    public long count(long organisationId, LocalDate from, LocalDate to, Long siteId, Long clientId,
                      Collection<Long> onlySites, Long orRecordedBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(organisationId, from, to, siteId, clientId, onlySites, orRecordedBy, params);
        return jdbc.sql("SELECT COUNT(*) FROM encounters" + where).params(params).query(Long.class).single();
    }

    private static String where(long organisationId, LocalDate from, LocalDate to, Long siteId, Long clientId,
                                Collection<Long> onlySites, Long orRecordedBy, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE organisation_id = :org");
        params.put("org", organisationId);
        if (from != null) {
            sql.append(" AND encounter_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND encounter_date <= :to");
            params.put("to", to);
        }
        if (siteId != null) {
            sql.append(" AND site_id = :site");
            params.put("site", siteId);
        }
        if (clientId != null) {
            sql.append(" AND client_id = :client");
            params.put("client", clientId);
        }
        if (onlySites != null) {
            sql.append(" AND (site_id IN (:sites) OR worker_id = :worker)");
            params.put("sites", onlySites.isEmpty() ? List.of(-1L) : List.copyOf(onlySites));
            params.put("worker", orRecordedBy == null ? -1L : orRecordedBy);
        }
        return sql.toString();
    }

    /** Services of these codes given to named clients of an organisation since a day, oldest first. */
    public List<org.reach.services.ClientService> servicesGiven(long organisationId, Collection<String> codes,
                                                                LocalDate since) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.client_id, e.encounter_date, s.code, es.quantity, es.result, es.linked
                FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id
                JOIN services s ON s.id = es.service_id
                WHERE e.organisation_id = :org AND e.client_id IS NOT NULL AND e.encounter_date >= :since
                  AND s.code IN (:codes)
                ORDER BY e.encounter_date, e.id""")
                .param("org", organisationId).param("since", since).param("codes", List.copyOf(codes))
                .query((rs, n) -> new org.reach.services.ClientService(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5) == null ? null : TestResult.valueOf(rs.getString(5)),
                        (Boolean) rs.getObject(6)))
                .list();
    }

    public long countOfOrganisation(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM encounters WHERE organisation_id = ?").param(organisationId)
                .query(Long.class).single();
    }

    private List<Encounter> list(String sql, Map<String, Object> params) {
        record Row(long id, String uuid, long org, Long site, String hotspot, long worker, Long client, boolean anonymous,
                   LocalDate date, Integer returned, Integer weight, String notes, Instant created) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"), rs.getString("uuid"),
                rs.getLong("organisation_id"), rs.getObject("site_id", Long.class), rs.getString("hotspot"),
                rs.getLong("worker_id"), rs.getObject("client_id", Long.class), rs.getBoolean("anonymous"),
                rs.getObject("encounter_date", LocalDate.class), rs.getObject("returned_syringes", Integer.class),
                rs.getObject("returned_weight_grams", Integer.class), rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant())).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<GivenService>> services = new HashMap<>();
        jdbc.sql("""
                        SELECT es.encounter_id, es.service_id, s.code, s.name, s.unit, es.quantity, es.result, es.linked
                        FROM encounter_services es JOIN services s ON s.id = es.service_id
                        WHERE es.encounter_id IN (:ids) ORDER BY s.sort_order, s.code""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((ResultSet rs) -> {
                    services.computeIfAbsent(rs.getLong("encounter_id"), k -> new ArrayList<>()).add(given(rs));
                });
        return rows.stream().map(r -> new Encounter(r.id(), r.uuid(), r.org(), r.site(), r.hotspot(), r.worker(), r.client(),
                r.anonymous(), r.date(), r.returned(), r.weight(), r.notes(), r.created(),
                services.getOrDefault(r.id(), List.of()))).toList();
    }

    private static GivenService given(ResultSet rs) throws SQLException {
        String result = rs.getString("result");
        return new GivenService(rs.getLong("service_id"), rs.getString("code"), rs.getString("name"),
                ServiceUnit.valueOf(rs.getString("unit")), rs.getInt("quantity"),
                result == null ? null : TestResult.valueOf(result), rs.getObject("linked", Boolean.class));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** Every encounter of these organisations between two dates (inclusive) that gave the service with this code. */
    public List<org.reach.services.QuantityGiven> quantitiesGiven(Collection<Long> organisationIds, String code,
                                                                  LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT e.client_id, e.organisation_id, e.site_id, e.hotspot, e.worker_id, e.encounter_date, es.quantity
                        FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id
                        JOIN services s ON s.id = es.service_id
                        WHERE e.organisation_id IN (:orgs) AND s.code = :code AND e.encounter_date BETWEEN :from AND :to""")
                .param("orgs", organisationIds).param("code", code).param("from", from).param("to", to)
                .query((rs, row) -> new org.reach.services.QuantityGiven(rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getDate(6).toLocalDate(), rs.getInt(7)))
                .list();
    }
}
