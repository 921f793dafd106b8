package org.reach.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which facts an {@link IndicatorFacts} provider is asked for: a period of some organisations, optionally one site
 * (the place of the record, or for a record without a place the client's enrolment site), and either everything,
 * the rows of some clients, or the rows without a client.
 *
 * @param clientIds    null for every row; otherwise only the rows of these clients (and none without a client)
 * @param anonymousOnly only the rows without a client
 */
public record FactQuery(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end, Set<Long> clientIds,
                        boolean anonymousOnly) {

    public FactQuery {
        organisationIds = List.copyOf(organisationIds);
        clientIds = clientIds == null ? null : Set.copyOf(clientIds);
    }

    public static FactQuery everything(List<Long> organisationIds, Long siteId, LocalDate start, LocalDate end) {
        return new FactQuery(organisationIds, siteId, start, end, null, false);
    }

    /** Whether a row of this client (null: without a client) is asked for. */
    public boolean wants(Long clientId) {
        if (anonymousOnly) {
            return clientId == null;
        }
        return clientIds == null || (clientId != null && clientIds.contains(clientId));
    }
}
