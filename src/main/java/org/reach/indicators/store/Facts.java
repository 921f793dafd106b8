package org.reach.indicators.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the data-quality checks look at, read for some organisations and a period: the clients enrolled by its
 * end, the encounters and services from the month before it to its end, and which clients had any encounter
 * by its end. These rows never leave the indicators capability: only counts do.
 */
public record Facts(Map<Long, ClientFact> clients, List<ServiceFact> services, List<EncounterFact> encounters,
                    Set<Long> seenClients, Map<Long, String> siteNames) {

    public record ClientFact(long id, long organisationId, String gender, Integer birthYear, String drug, String route,
                             long siteId, LocalDate firstContact, String explicitStatus, LocalDate explicitStatusDate,
                             Set<String> keyPopulations) {
    }

    public record EncounterFact(long id, Long clientId, long organisationId, Long siteId, LocalDate date) {
    }

    public record ServiceFact(long encounterId, Long clientId, long organisationId, Long siteId, LocalDate date,
                              String code, int quantity, String result) {
    }
}
