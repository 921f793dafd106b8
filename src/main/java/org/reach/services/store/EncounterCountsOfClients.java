package org.reach.services.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reach.clients.EncounterCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many encounters some clients have, for the registry's duplicate review list. */
@Component
class EncounterCountsOfClients implements EncounterCounts {

    private final JdbcClient jdbc;

    EncounterCountsOfClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Integer> encounters(long organisationId, Collection<Long> clientIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (clientIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT client_id, COUNT(*) AS n FROM encounters WHERE organisation_id = :organisation "
                        + "AND client_id IN (:clients) GROUP BY client_id")
                .param("organisation", organisationId).param("clients", List.copyOf(clientIds))
                .query(rs -> {
                    counts.put(rs.getLong("client_id"), rs.getInt("n"));
                });
        return counts;
    }
}
