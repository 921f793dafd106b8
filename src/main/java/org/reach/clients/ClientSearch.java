package org.reach.clients;

/** Filters for the client list; every filter is optional. */
public record ClientSearch(String code, ClientStatus status, Long siteId, KeyPopulation keyPopulation) {

    public static ClientSearch everything() {
        return new ClientSearch(null, null, null, null);
    }
}
