package org.reach.clients;

import java.util.Optional;

import org.reach.audit.ClientOrganisations;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.StoredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the audit log whose client a client is, so a client's access history stays in its organisation. */
@Component
class ClientOwnership implements ClientOrganisations {

    private final ClientStore store;

    ClientOwnership(ClientStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> organisationOf(long clientId) {
        return store.byId(clientId).map(StoredClient::organisationId);
    }
}
