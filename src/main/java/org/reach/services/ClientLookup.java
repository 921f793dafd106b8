package org.reach.services;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.clients.Clients;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the client registry about clients, remembering answers for one piece of work so a batch asks once
 * per client. Without a registry every client is unknown. A client of another organisation is unknown too.
 */
@Component
class ClientLookup {

    private final ObjectProvider<Clients> registry;

    ClientLookup(ObjectProvider<Clients> registry) {
        this.registry = registry;
    }

    Session session(ReachUser actor) {
        return new Session(actor, registry.getIfAvailable());
    }

    /** The codes of these clients of the actor's organisation, by id; unknown and foreign ids are absent. */
    Map<Long, String> codes(ReachUser actor, Collection<Long> clientIds) {
        Clients clients = registry.getIfAvailable();
        if (clients == null || clientIds.isEmpty()) {
            return Map.of();
        }
        try {
            return clients.codes(actor, clientIds);
        } catch (Forbidden | NotFound notReadable) {
            return Map.of();
        }
    }

    /** Tells the registry about contacts the actor recorded; without a registry there is nobody to tell. */
    void recordContacts(ReachUser actor, long organisationId, List<ClientContacted> contacts) {
        Clients clients = registry.getIfAvailable();
        if (clients != null && !contacts.isEmpty()) {
            clients.recordContacts(actor, organisationId, contacts);
        }
    }

    static final class Session {
        private final ReachUser actor;
        private final Clients clients;
        private final Map<Long, Optional<Client>> byId = new HashMap<>();
        private final Map<String, Optional<Client>> byUic = new HashMap<>();

        private Session(ReachUser actor, Clients clients) {
            this.actor = actor;
            this.clients = clients;
        }

        Optional<Client> byId(long id) {
            return byId.computeIfAbsent(id, key -> {
                if (clients == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(clients.client(actor, key)).filter(this::ownOrganisation);
                } catch (NotFound notFound) {
                    return Optional.empty();
                }
            });
        }

        /** Asks for all these clients in one call, so a batch does not ask once per client. */
        void prefetch(Collection<Long> ids) {
            List<Long> missing = ids.stream().filter(id -> id != null && !byId.containsKey(id)).distinct().toList();
            if (clients == null || missing.isEmpty()) {
                return;
            }
            Map<Long, Client> found = clients.clients(actor, missing);
            for (Long id : missing) {
                byId.put(id, Optional.ofNullable(found.get(id)).filter(this::ownOrganisation));
            }
        }

        Optional<Client> byUic(String uic) {
            return byUic.computeIfAbsent(uic, key -> clients == null ? Optional.empty()
                    : clients.findByUic(actor, key).filter(this::ownOrganisation));
        }

        /** The message key for a code that found nobody: the registry's when it can say more (a mistyped code). */
        String whyNotFound(String uic, String otherwise) {
            return clients == null ? otherwise : clients.whyNoClientHasCode(actor, uic, otherwise);
        }

        private boolean ownOrganisation(Client client) {
            return actor.isMemberOf(client.organisationId());
        }
    }
}
