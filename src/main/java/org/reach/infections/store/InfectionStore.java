package org.reach.infections.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.infections.InfectionKind;
import org.reach.infections.InfectionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The infection records table; only this capability reads or writes it. */
@Repository
public class InfectionStore {

    private static final String SELECT = """
            SELECT id, uuid, organisation_id, client_id, site_id, kind, recorded_on, result, detail, viral_load,
                   treatment, antibiotics, follow_up_on, notes, created_at FROM infection_records""";

    private final JdbcClient jdbc;

    InfectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored uuid of the organisation with its content's fingerprint. */
    public record Known(long id, String fingerprint) {
    }

    /** A fact for the cascades: who, which kind, which result, when. */
    public record Fact(long clientId, long organisationId, InfectionKind kind, String result, LocalDate date) {
    }

    public Optional<Known> known(long organisationId, String uuid) {
        return jdbc.sql("SELECT id, fingerprint FROM infection_records WHERE organisation_id = :org AND uuid = :uuid")
                .param("org", organisationId).param("uuid", uuid)
                .query((rs, row) -> new Known(rs.getLong("id"), rs.getString("fingerprint"))).optional();
    }

    public long insert(InfectionRecord r, String fingerprint, long createdBy, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("uuid", r.uuid());
        p.put("org", r.organisationId());
        p.put("client", r.clientId());
        p.put("site", r.siteId());
        p.put("kind", r.kind().name());
        p.put("date", r.date());
        p.put("result", r.result());
        p.put("detail", r.detail());
        p.put("viralLoad", r.viralLoad());
        p.put("treatment", r.treatment());
        p.put("antibiotics", r.antibiotics());
        p.put("followUp", r.followUpOn());
        p.put("notes", r.notes());
        p.put("fingerprint", fingerprint);
        p.put("createdAt", Timestamp.from(now));
        p.put("createdBy", createdBy);
        jdbc.sql("""
                INSERT INTO infection_records (uuid, organisation_id, client_id, site_id, kind, recorded_on, result, detail,
                                               viral_load, treatment, antibiotics, follow_up_on, notes, fingerprint,
                                               created_at, created_by)
                VALUES (:uuid, :org, :client, :site, :kind, :date, :result, :detail, :viralLoad, :treatment, :antibiotics,
                        :followUp, :notes, :fingerprint, :createdAt, :createdBy)""").params(p).update();
        return known(r.organisationId(), r.uuid()).orElseThrow().id();
    }

    public Optional<InfectionRecord> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(InfectionStore::record).optional();
    }

    /** A client's records, newest first. */
    public List<InfectionRecord> ofClient(long organisationId, long clientId) {
        return jdbc.sql(SELECT + " WHERE organisation_id = :org AND client_id = :client ORDER BY recorded_on DESC, id DESC")
                .param("org", organisationId).param("client", clientId).query(InfectionStore::record).list();
    }

    /** A page of an organisation's records, newest first, optionally of one client or kind. */
    public List<InfectionRecord> page(long organisationId, Long clientId, InfectionKind kind, long offset, int size) {
        return jdbc.sql(SELECT + filter(clientId, kind) + " ORDER BY recorded_on DESC, id DESC LIMIT :size OFFSET :offset")
                .params(filterParams(organisationId, clientId, kind)).param("size", size).param("offset", offset)
                .query(InfectionStore::record).list();
    }

    public long count(long organisationId, Long clientId, InfectionKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM infection_records" + filter(clientId, kind))
                .params(filterParams(organisationId, clientId, kind)).query(Long.class).single();
    }

    private static String filter(Long clientId, InfectionKind kind) {
        return " WHERE organisation_id = :org" + (clientId == null ? "" : " AND client_id = :client")
                + (kind == null ? "" : " AND kind = :kind");
    }

    private static Map<String, Object> filterParams(long organisationId, Long clientId, InfectionKind kind) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", organisationId);
        if (clientId != null) {
            p.put("client", clientId);
        }
        if (kind != null) {
            p.put("kind", kind.name());
        }
        return p;
    }

    /**
     * Every record up to {@code end} of the clients of these organisations who have a record dated within the
     * period (at this site, when one is named): what the cascades of the period are worked out from.
     */
    public List<Fact> facts(Collection<Long> organisationIds, Long siteId, LocalDate start, LocalDate end,
                            Collection<Long> clientIds) {
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", List.copyOf(organisationIds));
        p.put("start", start);
        p.put("end", end);
        StringBuilder inPeriod = new StringBuilder("""
                SELECT DISTINCT client_id FROM infection_records
                WHERE organisation_id IN (:orgs) AND recorded_on BETWEEN :start AND :end""");
        if (siteId != null) {
            inPeriod.append(" AND site_id = :site");
            p.put("site", siteId);
        }
        if (clientIds != null) {
            if (clientIds.isEmpty()) {
                return List.of();
            }
            inPeriod.append(" AND client_id IN (:clients)");
            p.put("clients", List.copyOf(clientIds));
        }
        return jdbc.sql("SELECT client_id, organisation_id, kind, result, recorded_on FROM infection_records "
                        + "WHERE organisation_id IN (:orgs) AND recorded_on <= :end AND client_id IN (" + inPeriod + ")")
                .params(p)
                .query((rs, row) -> new Fact(rs.getLong("client_id"), rs.getLong("organisation_id"),
                        InfectionKind.valueOf(rs.getString("kind")), rs.getString("result"),
                        rs.getObject("recorded_on", LocalDate.class)))
                .list();
    }

    private static InfectionRecord record(ResultSet rs, int row) throws SQLException {
        return new InfectionRecord(rs.getLong("id"), rs.getString("uuid"), rs.getLong("organisation_id"),
                rs.getLong("client_id"), (Long) rs.getObject("site_id", Long.class),
                InfectionKind.valueOf(rs.getString("kind")), rs.getObject("recorded_on", LocalDate.class),
                rs.getString("result"), rs.getString("detail"), rs.getObject("viral_load", Long.class),
                rs.getString("treatment"), rs.getString("antibiotics"), rs.getObject("follow_up_on", LocalDate.class),
                rs.getString("notes"), rs.getTimestamp("created_at").toInstant());
    }
}
