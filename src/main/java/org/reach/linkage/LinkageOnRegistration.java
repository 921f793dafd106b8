package org.reach.linkage;

import org.reach.clients.Client;
import org.reach.clients.RegistrationListener;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;

/** Encodes each new client while the registration's components are still in memory, then links it. */
@Component
class LinkageOnRegistration implements RegistrationListener {

    private final RecordLinkage linkage;

    LinkageOnRegistration(RecordLinkage linkage) {
        this.linkage = linkage;
    }

    @Override
    public void registered(ReachUser actor, Client client, Identity identity) {
        linkage.registered(actor, client, identity);
    }
}
