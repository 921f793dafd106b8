package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the client and service tables for the data-quality checks (read-only SQL over the clients and services
 * capabilities' tables). Encounters and services only from the month before the period: the checks look no
 * further back, and a programme's whole history does not fit in memory.
 */
@Repository
public class FactStore {

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the checks need for a period for these organisations, optionally one site only. */
    public Facts load(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end) {
        if (organisationIds.isEmpty()) {
            return new Facts(Map.of(), List.of(), List.of(), Set.of(), Map.of());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", organisationIds);
        p.put("end", end);
        p.put("from", start.minusMonths(1).withDayOfMonth(1));
        p.put("site", siteId);
        String clientSite = siteId == null ? "" : " AND c.enrolment_site_id = :site";
        String encounterSite = siteId == null ? "" : " AND e.site_id = :site";

        Map<Long, Set<String>> populations = new HashMap<>();
        jdbc.sql("SELECT k.client_id, k.key_population FROM client_key_populations k JOIN clients c ON c.id = k.client_id "
                        + "WHERE c.organisation_id IN (:orgs) AND c.first_contact <= :end" + clientSite)
                .params(p).query((rs, n) -> populations.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(rs.getString(2))).list();
        Map<Long, Facts.ClientFact> clients = new HashMap<>();
        jdbc.sql("SELECT c.id, c.organisation_id, c.gender, c.birth_year, c.primary_drug, c.route, c.enrolment_site_id, "
                        + "c.first_contact, c.explicit_status, c.explicit_status_date FROM clients c "
                        + "WHERE c.organisation_id IN (:orgs) AND c.first_contact <= :end" + clientSite)
                .params(p).query((rs, n) -> {
                    long id = rs.getLong(1);
                    int birth = rs.getInt(4);
                    Integer birthYear = rs.wasNull() ? null : birth;
                    java.sql.Date status = rs.getDate(10);
                    return clients.put(id, new Facts.ClientFact(id, rs.getLong(2), rs.getString(3), birthYear,
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDate(8).toLocalDate(),
                            rs.getString(9), status == null ? null : status.toLocalDate(),
                            populations.getOrDefault(id, Set.of())));
                }).list();

        List<Facts.EncounterFact> encounters = jdbc.sql("SELECT e.id, e.client_id, e.organisation_id, e.site_id, "
                        + "e.encounter_date FROM encounters e WHERE e.organisation_id IN (:orgs) AND e.encounter_date <= :end "
                        + "AND e.encounter_date >= :from"
                        + encounterSite)
                .params(p).query((rs, n) -> new Facts.EncounterFact(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3),
                        nullableLong(rs, 4), rs.getDate(5).toLocalDate())).list();

        List<Facts.ServiceFact> services = jdbc.sql("SELECT e.id, e.client_id, e.organisation_id, e.site_id, "
                        + "e.encounter_date, s.code, es.quantity, es.result FROM encounters e "
                        + "JOIN encounter_services es ON es.encounter_id = e.id JOIN services s ON s.id = es.service_id "
                        + "WHERE e.organisation_id IN (:orgs) AND e.encounter_date <= :end AND e.encounter_date >= :from"
                        + encounterSite)
                .params(p).query((rs, n) -> new Facts.ServiceFact(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3),
                        nullableLong(rs, 4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getInt(7),
                        rs.getString(8))).list();

        Set<Long> seen = new HashSet<>();
        jdbc.sql("SELECT DISTINCT e.client_id FROM encounters e WHERE e.organisation_id IN (:orgs) "
                        + "AND e.client_id IS NOT NULL AND e.encounter_date <= :end" + encounterSite)
                .params(p).query((rs, n) -> seen.add(rs.getLong(1))).list();

        Map<Long, String> siteNames = new HashMap<>();
        jdbc.sql("SELECT id, name FROM sites WHERE organisation_id IN (:orgs)").params(p)
                .query((rs, n) -> siteNames.put(rs.getLong(1), rs.getString(2))).list();
        return new Facts(clients, services, encounters, seen, siteNames);
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
