package org.reach.services;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.reach.clients.CareStage;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.clients.ClientStatus;
import org.reach.clients.Clients;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.springframework.context.event.EventListener;

/** A client registry for the services tests: clients kept in memory, contacts recorded as they are published. */
public class InMemoryClients implements Clients {

    private final AtomicLong ids = new AtomicLong(9_000_000);
    private final Map<Long, Client> clients = new ConcurrentHashMap<>();
    private final List<ClientContacted> contacts = new CopyOnWriteArrayList<>();

    public Client add(long organisationId, String uic, ClientStatus status) {
        long id = ids.incrementAndGet();
        Client client = new Client(id, organisationId, uic, Gender.MALE, 1990, Set.of(KeyPopulation.PEOPLE_WHO_INJECT_DRUGS),
                null, null, null, null, null, null, LocalDate.of(2025, 1, 1), null, status, CareStage.HARM_REDUCTION);
        clients.put(id, client);
        return client;
    }

    /** The same client with another status, as when the registry records a death. */
    public void setStatus(long id, ClientStatus status) {
        Client c = clients.get(id);
        clients.put(id, new Client(c.id(), c.organisationId(), c.uic(), c.gender(), c.birthYear(), c.keyPopulations(),
                c.primaryDrug(), c.secondaryDrug(), c.route(), c.enrolmentSiteId(), c.enrolmentHotspot(), c.peerEducatorId(),
                c.firstContact(), c.lastContact(), status, c.stage()));
    }

    @Override
    public Client client(ReachUser actor, long clientId) {
        Client client = clients.get(clientId);
        if (client == null || !actor.mayReadClientsOf(client.organisationId())) {
            throw new NotFound("client", clientId);
        }
        return client;
    }

    @Override
    public Optional<Client> findByUic(ReachUser actor, String uic) {
        return clients.values().stream()
                .filter(c -> c.uic().equals(uic) && actor.organisationId() != null && c.organisationId() == actor.organisationId())
                .findFirst();
    }

    @EventListener
    void contacted(ClientContacted event) {
        contacts.add(event);
    }

    public List<ClientContacted> contactsOf(long clientId) {
        return contacts.stream().filter(c -> c.clientId() == clientId).toList();
    }
}
