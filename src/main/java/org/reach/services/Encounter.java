package org.reach.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored encounter: counted as a contact; as a unique person only when a client is named. */
public record Encounter(long id, String uuid, long organisationId, Long siteId, String hotspot, long workerId,
                        Long clientId, boolean anonymous, LocalDate date, Integer returnedSyringes,
                        Integer returnedWeightGrams, String notes, Instant createdAt, List<GivenService> services) {

    public Encounter {
        services = List.copyOf(services);
    }
}
