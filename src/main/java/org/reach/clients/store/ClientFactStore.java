package org.reach.clients.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.reach.clients.KeyPopulation;
import org.reach.clients.RegistryFacts.Enrolled;
import org.reach.clients.RegistryFacts.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only summaries of the registry for figures. Key populations come grouped into one bit mask per client, so
 * the database returns one row per client however many populations each has.
 */
@Repository
public class ClientFactStore {

    private static final KeyPopulation[] KEY_POPULATIONS = KeyPopulation.values();

    private final JdbcClient jdbc;

    ClientFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enrolledBy(Scope scope, LocalDate end, Consumer<Enrolled> each) {
        Map<String, Object> p = params(scope);
        if (p == null) {
            return;
        }
        p.put("end", end);
        // the grouping of key populations would otherwise run over every client to refresh a few
        String onlyKeyPopulations = scope.clientIds() == null ? "" : "WHERE k.client_id IN (:only) ";
        StringBuilder mask = new StringBuilder("SUM(CASE k.key_population");
        for (int i = 0; i < KEY_POPULATIONS.length; i++) {
            mask.append(" WHEN '").append(KEY_POPULATIONS[i].name()).append("' THEN ").append(1 << i);
        }
        mask.append(" ELSE 0 END)");
        jdbc.sql("SELECT c.id, c.organisation_id, c.gender, c.birth_year, c.primary_drug, c.route, c.enrolment_site_id, "
                        + "c.enrolment_hotspot, c.first_contact, c.explicit_status, c.explicit_status_date, kp.mask "
                        + "FROM clients c LEFT JOIN (SELECT k.client_id, " + mask + " AS mask FROM client_key_populations k "
                        + onlyKeyPopulations + "GROUP BY k.client_id) kp ON kp.client_id = c.id "
                        + "WHERE c.organisation_id IN (:orgs) AND c.merged_into IS NULL AND c.first_contact <= :end" + clientSite(scope)
                        + onlyClients(scope))
                .params(p).query(rs -> {
                    int birth = rs.getInt(4);
                    Integer birthYear = rs.wasNull() ? null : birth;
                    java.sql.Date status = rs.getDate(11);
                    each.accept(new Enrolled(rs.getLong(1), rs.getLong(2), rs.getString(3), birthYear, rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getDate(9).toLocalDate(),
                            rs.getString(10), status == null ? null : status.toLocalDate(), keyPopulations(rs.getInt(12))));
                });
    }

    public void progressed(Scope scope, LocalDate start, LocalDate end, LongConsumer each) {
        Map<String, Object> p = params(scope);
        if (p == null) {
            return;
        }
        p.put("start", start);
        p.put("end", end);
        jdbc.sql("SELECT DISTINCT g.client_id FROM client_stage_changes g JOIN clients c ON c.id = g.client_id "
                        + "WHERE c.organisation_id IN (:orgs) AND c.merged_into IS NULL AND g.stage_date >= :start AND g.stage_date <= :end "
                        + "AND g.stage <> 'HARM_REDUCTION'" + clientSite(scope) + onlyClients(scope))
                .params(p).query(rs -> {
                    each.accept(rs.getLong(1));
                });
    }

    /** The scope's parameters, or null when it covers nothing (no organisation, or an empty set of clients). */
    private static Map<String, Object> params(Scope scope) {
        if (scope.organisationIds().isEmpty() || (scope.clientIds() != null && scope.clientIds().isEmpty())) {
            return null;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", scope.organisationIds());
        if (scope.siteId() != null) {
            p.put("site", scope.siteId());
        }
        if (scope.clientIds() != null) {
            p.put("only", scope.clientIds());
        }
        return p;
    }

    private static String clientSite(Scope scope) {
        return scope.siteId() == null ? "" : " AND c.enrolment_site_id = :site";
    }

    private static String onlyClients(Scope scope) {
        return scope.clientIds() == null ? "" : " AND c.id IN (:only)";
    }

    private static Set<String> keyPopulations(int mask) {
        if (mask == 0) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < KEY_POPULATIONS.length; i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(KEY_POPULATIONS[i].name());
            }
        }
        return Set.copyOf(out);
    }
}
