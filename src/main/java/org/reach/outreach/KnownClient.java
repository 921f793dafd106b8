package org.reach.outreach;

import java.util.List;

import org.reach.services.ServiceLine;

/**
 * A registered client served at a session, by code, with the services they received. These are recorded as an
 * encounter by the services capability; without an encounter uuid one is derived from the session's, so a repeated
 * session makes the same encounter.
 */
public record KnownClient(String clientCode, String encounterUuid, List<ServiceLine> services) {

    public KnownClient {
        services = services == null ? List.of() : services;
    }
}
