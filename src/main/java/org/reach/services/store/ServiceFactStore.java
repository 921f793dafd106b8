package org.reach.services.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.reach.services.ServiceFacts.Contacts;
import org.reach.services.ServiceFacts.Dispensed;
import org.reach.services.ServiceFacts.EncounterFact;
import org.reach.services.ServiceFacts.FirstCompletion;
import org.reach.services.ServiceFacts.Firsts;
import org.reach.services.ServiceFacts.GivenAtPlace;
import org.reach.services.ServiceFacts.ReferralCounts;
import org.reach.services.ServiceFacts.Scope;
import org.reach.services.ServiceFacts.ServiceFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only summaries of encounters, services given and referrals, grouped by the database. Rows go to the
 * caller's consumer as they are read, so a million of them are never collected here.
 */
@Repository
public class ServiceFactStore {

    private final JdbcClient jdbc;

    ServiceFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void contacts(Scope scope, LocalDate windowStart, LocalDate start, LocalDate end, Consumer<Contacts> each) {
        Map<String, Object> p = params(scope);
        if (p == null) {
            return;
        }
        p.put("windowStart", windowStart);
        p.put("start", start);
        p.put("end", end);
        jdbc.sql("SELECT e.client_id, MAX(e.encounter_date), COUNT(DISTINCT CASE WHEN e.encounter_date >= :start THEN "
                        + "EXTRACT(YEAR FROM e.encounter_date) * 100 + EXTRACT(MONTH FROM e.encounter_date) END) "
                        + "FROM encounters e WHERE e.organisation_id IN (:orgs) AND e.client_id IS NOT NULL "
                        + "AND e.encounter_date >= :windowStart AND e.encounter_date <= :end" + encounterSite(scope)
                        + encounterClients(scope) + " GROUP BY e.client_id")
                .params(p).query(rs -> {
                    each.accept(new Contacts(rs.getLong(1), date(rs, 2), rs.getInt(3)));
                });
    }

    public void givenAtPlaces(Scope scope, LocalDate start, LocalDate end, List<String> codes,
                              Consumer<GivenAtPlace> each) {
        Map<String, Object> p = params(scope);
        if (p == null || codes.isEmpty()) {
            return;
        }
        p.put("start", start);
        p.put("end", end);
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            p.put("c" + i, codes.get(i));
            columns.append(", SUM(CASE WHEN s.code = :c").append(i).append(" THEN 1 ELSE 0 END)")
                    .append(", SUM(CASE WHEN s.code = :c").append(i).append(" THEN es.quantity ELSE 0 END)");
        }
        p.put("codes", codes);
        int n = codes.size();
        jdbc.sql("SELECT e.client_id, e.organisation_id, e.site_id, e.hotspot, "
                        + "SUM(CASE WHEN s.code = 'HIV_TEST' AND es.result IN ('NEGATIVE', 'POSITIVE') THEN 1 ELSE 0 END)"
                        + columns + " FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id "
                        + "JOIN services s ON s.id = es.service_id WHERE e.organisation_id IN (:orgs) "
                        + "AND e.encounter_date >= :start AND e.encounter_date <= :end AND s.code IN (:codes)"
                        + encounterSite(scope) + encounterClients(scope)
                        + " GROUP BY e.client_id, e.organisation_id, e.site_id, e.hotspot")
                .params(p).query(rs -> {
                    long[] times = new long[n];
                    long[] quantities = new long[n];
                    for (int i = 0; i < n; i++) {
                        times[i] = rs.getLong(6 + 2 * i);
                        quantities[i] = rs.getLong(7 + 2 * i);
                    }
                    each.accept(new GivenAtPlace(nullableLong(rs, 1), rs.getLong(2), nullableLong(rs, 3),
                            rs.getString(4), rs.getLong(5), times, quantities));
                });
    }

    public void firsts(Scope scope, LocalDate end, Set<String> oat, Consumer<Firsts> each) {
        Map<String, Object> p = params(scope);
        if (p == null || scope.anonymousOnly()) {
            return;
        }
        p.put("end", end);
        p.put("oat", oat);
        jdbc.sql("SELECT e.client_id, "
                        + "MIN(CASE WHEN s.code IN (:oat) THEN e.encounter_date END), "
                        + "MIN(CASE WHEN s.code = 'PREP' THEN e.encounter_date END), "
                        + "MIN(CASE WHEN s.code = 'HIV_TEST' AND es.result = 'POSITIVE' THEN e.encounter_date END), "
                        + "MIN(CASE WHEN s.code = 'ART_INITIATION' THEN e.encounter_date END) "
                        + "FROM encounters e JOIN encounter_services es ON es.encounter_id = e.id "
                        + "JOIN services s ON s.id = es.service_id WHERE e.organisation_id IN (:orgs) "
                        + "AND e.client_id IS NOT NULL AND e.encounter_date <= :end "
                        + "AND (s.code IN (:oat) OR s.code IN ('PREP', 'HIV_TEST', 'ART_INITIATION'))"
                        + encounterSite(scope) + encounterClients(scope) + " GROUP BY e.client_id")
                .params(p).query(rs -> {
                    each.accept(new Firsts(rs.getLong(1), date(rs, 2), date(rs, 3), date(rs, 4), date(rs, 5)));
                });
    }

    public void dispensations(Scope scope, Set<String> codes, LocalDate from, LocalDate end, Consumer<Dispensed> each) {
        Map<String, Object> p = params(scope);
        if (p == null || scope.anonymousOnly() || codes.isEmpty()) {
            return;
        }
        p.put("codes", codes);
        p.put("from", from);
        p.put("end", end);
        jdbc.sql("SELECT e.client_id, e.encounter_date, es.quantity FROM encounters e "
                        + "JOIN encounter_services es ON es.encounter_id = e.id JOIN services s ON s.id = es.service_id "
                        + "WHERE e.organisation_id IN (:orgs) AND e.client_id IS NOT NULL AND s.code IN (:codes) "
                        + "AND e.encounter_date >= :from AND e.encounter_date <= :end" + encounterSite(scope)
                        + encounterClients(scope))
                .params(p).query(rs -> {
                    each.accept(new Dispensed(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getInt(3)));
                });
    }

    public void referralCounts(Scope scope, LocalDate start, LocalDate end, Consumer<ReferralCounts> each) {
        Map<String, Object> p = params(scope);
        if (p == null || scope.anonymousOnly()) {
            return;
        }
        p.put("start", start);
        p.put("end", end);
        jdbc.sql("SELECT r.client_id, COUNT(*), SUM(CASE WHEN r.status = 'COMPLETED' THEN 1 ELSE 0 END) "
                        + "FROM referrals r WHERE r.organisation_id IN (:orgs) "
                        + "AND r.made_on >= :start AND r.made_on <= :end" + referralClients(scope)
                        + " GROUP BY r.client_id")
                .params(p).query(rs -> {
                    each.accept(new ReferralCounts(rs.getLong(1), rs.getInt(2), rs.getInt(3)));
                });
    }

    public void firstCompletedReferrals(Scope scope, String providerType, LocalDate end, Consumer<FirstCompletion> each) {
        Map<String, Object> p = params(scope);
        if (p == null || scope.anonymousOnly()) {
            return;
        }
        p.put("type", providerType);
        p.put("end", end);
        jdbc.sql("SELECT r.client_id, MIN(r.closed_on) FROM referrals r "
                        + "WHERE r.organisation_id IN (:orgs) AND r.provider_type = :type "
                        + "AND r.status = 'COMPLETED' AND r.closed_on <= :end" + referralClients(scope)
                        + " GROUP BY r.client_id")
                .params(p).query(rs -> {
                    each.accept(new FirstCompletion(rs.getLong(1), date(rs, 2)));
                });
    }

    public Set<Long> clientsOfEncounters(Collection<Long> encounterIds) {
        Set<Long> out = new HashSet<>();
        if (!encounterIds.isEmpty()) {
            jdbc.sql("SELECT client_id FROM encounters WHERE id IN (:ids)").param("ids", encounterIds)
                    .query((rs, n) -> out.add(nullableLong(rs, 1))).list();
        }
        return out;
    }

    public Set<Long> clientsOfReferrals(Collection<Long> referralIds) {
        Set<Long> out = new HashSet<>();
        if (!referralIds.isEmpty()) {
            jdbc.sql("SELECT client_id FROM referrals WHERE id IN (:ids)").param("ids", referralIds)
                    .query((rs, n) -> out.add(rs.getLong(1))).list();
        }
        return out;
    }

    public List<EncounterFact> encounters(Scope scope, LocalDate from, LocalDate end) {
        Map<String, Object> p = params(scope);
        if (p == null) {
            return List.of();
        }
        p.put("from", from);
        p.put("end", end);
        return jdbc.sql("SELECT e.id, e.client_id, e.organisation_id, e.site_id, "
                        + "e.encounter_date FROM encounters e WHERE e.organisation_id IN (:orgs) AND e.encounter_date <= :end "
                        + "AND e.encounter_date >= :from" + encounterSite(scope) + encounterClients(scope))
                .params(p).query((rs, n) -> new EncounterFact(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3),
                        nullableLong(rs, 4), rs.getDate(5).toLocalDate())).list();
    }

    public List<ServiceFact> servicesGiven(Scope scope, LocalDate from, LocalDate end) {
        Map<String, Object> p = params(scope);
        if (p == null) {
            return List.of();
        }
        p.put("from", from);
        p.put("end", end);
        return jdbc.sql("SELECT e.id, e.client_id, e.organisation_id, e.site_id, "
                        + "e.encounter_date, s.code, es.quantity, es.result FROM encounters e "
                        + "JOIN encounter_services es ON es.encounter_id = e.id JOIN services s ON s.id = es.service_id "
                        + "WHERE e.organisation_id IN (:orgs) AND e.encounter_date <= :end AND e.encounter_date >= :from"
                        + encounterSite(scope) + encounterClients(scope))
                .params(p).query((rs, n) -> new ServiceFact(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3),
                        nullableLong(rs, 4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getInt(7),
                        rs.getString(8))).list();
    }

    public Set<Long> clientsSeen(Scope scope, LocalDate end) {
        Set<Long> seen = new HashSet<>();
        Map<String, Object> p = params(scope);
        if (p == null || scope.anonymousOnly()) {
            return seen;
        }
        p.put("end", end);
        jdbc.sql("SELECT DISTINCT e.client_id FROM encounters e WHERE e.organisation_id IN (:orgs) "
                        + "AND e.client_id IS NOT NULL AND e.encounter_date <= :end" + encounterSite(scope)
                        + encounterClients(scope))
                .params(p).query((rs, n) -> seen.add(rs.getLong(1))).list();
        return seen;
    }

    /** The scope's parameters, or null when it covers nothing (no organisation, or an empty set of clients). */
    private static Map<String, Object> params(Scope scope) {
        boolean noClients = scope.clientIds() != null && scope.clientIds().isEmpty() && !scope.anonymousOnly();
        if (scope.organisationIds().isEmpty() || noClients) {
            return null;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", scope.organisationIds());
        if (scope.siteId() != null) {
            p.put("site", scope.siteId());
        }
        if (!scope.anonymousOnly() && scope.clientIds() != null) {
            p.put("only", scope.clientIds());
        }
        return p;
    }

    private static String encounterSite(Scope scope) {
        return scope.siteId() == null ? "" : " AND e.site_id = :site";
    }

    private static String encounterClients(Scope scope) {
        if (scope.anonymousOnly()) {
            return " AND e.client_id IS NULL";
        }
        return scope.clientIds() == null ? "" : " AND e.client_id IN (:only)";
    }

    private static String referralClients(Scope scope) {
        return scope.clientIds() == null ? "" : " AND r.client_id IN (:only)";
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
