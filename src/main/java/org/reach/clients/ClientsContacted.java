package org.reach.clients;

import java.util.List;

/**
 * Many contacts of one organisation's clients at once, published by a batch of encounters so the registry
 * moves every client's contact dates with a few statements instead of a few per encounter.
 */
public record ClientsContacted(long organisationId, List<ClientContacted> contacts) {

    public ClientsContacted {
        contacts = List.copyOf(contacts);
    }
}
