package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.StoredClient;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts other capabilities recorded with clients (encounters, completed referrals, imports of either): they move
 * each client's first and last contact dates and, with them, the status the contact rule derives; a contact after a
 * recorded detention, transfer or exit ends it. The caller names the actor, since imports run in the background, and
 * the write is audited in that name; the moved clients are then announced as {@link ClientsContacted}.
 */
@Service
@Transactional
public class ClientContacts {

    private final ClientStore store;
    private final RegistrySettings registrySettings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientContacts(ClientStore store, RegistrySettings registrySettings, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.registrySettings = registrySettings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A contact moves the first and last contact dates. A contact on or after a recorded detention, transfer
     * or exit brings the client back under the contact rule, and that change is recorded. Deceased is final.
     * Many contacts at once: the clients are read in one query and their dates written in one batch; one audit
     * entry, in the actor's name, names how many clients were contacted (or which one, when it is one).
     * The moved clients are then announced as {@link ClientsContacted}, for whoever keeps figures about them.
     */
    public void recordContacts(ReachUser actor, long organisationId, List<ClientContacted> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        ClientsContacted batch = new ClientsContacted(organisationId, contacts);
        Map<Long, LocalDate> earliest = new HashMap<>();
        Map<Long, LocalDate> latest = new HashMap<>();
        Map<Long, LocalDate> latestOutsideCustody = new HashMap<>();
        for (ClientContacted contact : batch.contacts()) {
            if (contact.date() == null || contact.date().isAfter(today())) {
                throw InvalidInput.of("date", "client.error.future");
            }
            earliest.merge(contact.clientId(), contact.date(), (a, b) -> a.isBefore(b) ? a : b);
            latest.merge(contact.clientId(), contact.date(), (a, b) -> a.isAfter(b) ? a : b);
            if (!contact.inCustody()) {
                latestOutsideCustody.merge(contact.clientId(), contact.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<Long, StoredClient> current = store.byIdsWithoutKeyPopulations(batch.organisationId(), latest.keySet()).stream()
                .collect(Collectors.toMap(StoredClient::id, c -> c));
        for (Long id : latest.keySet()) {
            StoredClient client = current.get(id);
            if (client == null) {
                throw new NotFound(ClientRegistry.ENTITY, id);
            }
            if (client.explicitStatus() == ClientStatus.DECEASED) {
                throw InvalidInput.of("clientId", "client.error.deceased");
            }
        }
        List<ClientStore.ContactDates> changes = new ArrayList<>();
        ClientSettings settings = null;
        for (StoredClient client : current.values()) {
            LocalDate early = earliest.get(client.id());
            LocalDate late = latest.get(client.id());
            LocalDate first = early.isBefore(client.firstContact()) ? early : client.firstContact();
            LocalDate last = late.isAfter(client.lastContact()) ? late : client.lastContact();
            if (!first.equals(client.firstContact()) || !last.equals(client.lastContact())) {
                changes.add(new ClientStore.ContactDates(client.id(), first, last));
            }
            // Care in a prison or police setting is given to a detained person: only a contact outside ends detention.
            LocalDate ending = client.explicitStatus() == ClientStatus.DETAINED ? latestOutsideCustody.get(client.id()) : late;
            if (client.explicitStatus() != null && ClientStatusChanges.ENDED_BY_CONTACT.contains(client.explicitStatus())
                    && ending != null && !ending.isBefore(client.explicitStatusDate())) {
                settings = settings != null ? settings : registrySettings.settingsOf(client.organisationId());
                store.setExplicitStatus(client.id(), null, null, now());
                store.addStatusChange(client.id(), registrySettings.derivedStatus(last, settings), ending, null,
                        ClientAccess.actorId(actor), now());
            }
        }
        store.setContactsAll(changes, now());
        Long single = current.size() == 1 ? current.keySet().iterator().next() : null;
        audit.recordWrite(actor, batch.organisationId(), AuditAction.UPDATE, ClientRegistry.ENTITY, single,
                single != null ? "contact" : "contact of " + current.size() + " clients", current.keySet());
        events.publishEvent(batch);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
