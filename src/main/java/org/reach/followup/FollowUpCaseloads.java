package org.reach.followup;

import java.util.Map;
import java.util.OptionalInt;

import org.reach.clients.ClientRegistry;
import org.reach.followup.store.FollowUpStore;
import org.reach.outreach.PeerCaseloads;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A peer's caseload from the assignments follow-up keeps: the clients whose registry record names the peer, and
 * those follow-up assigned to them where the registry names nobody — the same rule the worklist uses to decide whose
 * client is whose. Clients who died, exited or were transferred are no longer followed.
 */
@Component
class FollowUpCaseloads implements PeerCaseloads {

    private final FollowUpStore store;
    private final ClientRegistry clients;

    FollowUpCaseloads(FollowUpStore store, ClientRegistry clients) {
        this.store = store;
        this.clients = clients;
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalInt clientsFollowedBy(ReachUser actor, long peerId) {
        if (!clients.mayRead(actor) || actor.organisationId() == null) {
            return OptionalInt.empty();
        }
        long organisationId = actor.organisationId();
        return OptionalInt.of(clients.caseloads(actor, store.assignments(organisationId)).getOrDefault(peerId, 0));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> clientsFollowedByPeers(ReachUser actor) {
        if (!clients.mayRead(actor) || actor.organisationId() == null) {
            return Map.of();
        }
        return clients.caseloads(actor, store.assignments(actor.organisationId()));
    }
}
