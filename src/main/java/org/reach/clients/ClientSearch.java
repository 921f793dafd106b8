package org.reach.clients;

import java.time.LocalDate;

/**
 * Filters for the client list; every filter is optional. {@code lastContactBefore} keeps clients whose last contact
 * is before that day (the follow-up worklist asks only for people not seen within their contact rhythm).
 */
public record ClientSearch(String code, ClientStatus status, Long siteId, KeyPopulation keyPopulation,
                           LocalDate lastContactBefore) {

    public ClientSearch(String code, ClientStatus status, Long siteId, KeyPopulation keyPopulation) {
        this(code, status, siteId, keyPopulation, null);
    }

    public static ClientSearch everything() {
        return new ClientSearch(null, null, null, null);
    }
}
