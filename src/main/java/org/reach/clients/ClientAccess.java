package org.reach.clients;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.reach.clients.store.ClientStore;
import org.reach.clients.store.StoredClient;
import org.reach.clients.uic.UicCodes;
import org.reach.clients.uic.UicScheme;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read and change clients, and which record an id or a typed code opens. Client-level data is read only by
 * the staff of the client's own organisation; coordinators and administrators count, never read. Every class of the
 * registry (reading, registrations, status changes, contacts, settings, import, merges) asks this one rule before it
 * touches a client, so the rule cannot differ between them. It sits below the registry rather than in it because the
 * registry, the facade others call, passes work on to those classes and they must not ask it back.
 */
@Component
public class ClientAccess {

    private static final Set<Role> WRITERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> IMPORTERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
    /** More hops than any chain of merges has; a cycle a damaged database could hold ends here. */
    private static final int MAX_MERGE_HOPS = 10;

    private final ClientStore store;
    private final OrganisationDirectory directory;

    ClientAccess(ClientStore store, OrganisationDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Organisation staff read their own organisation's clients; coordinators and administrators never do. */
    public boolean mayRead(ReachUser actor) {
        return actor.organisationId() != null && actor.mayReadClientsOf(actor.organisationId());
    }

    public boolean mayWrite(ReachUser actor) {
        return mayRead(actor) && WRITERS.stream().anyMatch(actor::has);
    }

    public boolean mayImport(ReachUser actor) {
        return mayRead(actor) && IMPORTERS.stream().anyMatch(actor::has);
    }

    public boolean mayChangeSettings(ReachUser actor) {
        return mayRead(actor) && actor.has(Role.ORG_MANAGER);
    }

    /** The alias is shown only to people assigned to the client's enrolment site. */
    public boolean maySeeAlias(ReachUser actor, Client client) {
        return mayRead(actor) && actor.isMemberOf(client.organisationId()) && client.enrolmentSiteId() != null
                && actor.isAssignedTo(client.enrolmentSiteId());
    }

    /** Staff of the organisation, coordinators of its programme and administrators may count its clients. */
    public boolean mayCountReach(ReachUser actor, long organisationId) {
        if (actor.isAdmin() || actor.mayReadClientsOf(organisationId)) {
            return true;
        }
        if (!actor.has(Role.COORDINATOR)) {
            return false;
        }
        try {
            return actor.coordinatesProgramme(directory.organisation(actor, organisationId).programmeId());
        } catch (NotFound noSuchOrganisation) {
            return false;
        }
    }

    /** The organisation whose clients the actor reads; refused to anyone who reads none. */
    long readable(ReachUser actor) {
        if (!mayRead(actor)) {
            throw new Forbidden("read clients");
        }
        return actor.organisationId();
    }

    /** The organisation whose clients the actor changes; refused to anyone who changes none. */
    long writable(ReachUser actor) {
        if (!mayWrite(actor)) {
            throw new Forbidden("change clients");
        }
        return actor.organisationId();
    }

    /** One client the actor may read; another organisation's client is not found, as if it did not exist. */
    StoredClient stored(ReachUser actor, long id) {
        long organisation = readable(actor);
        return store.byId(id).filter(c -> c.organisationId() == organisation)
                .orElseThrow(() -> new NotFound(ClientRegistry.ENTITY, id));
    }

    /**
     * The client a typed code stands for: a code with or without its check character finds a client stored either
     * way (codes registered before check characters have none), a code with a wrong check character finds nobody,
     * and the code of a merged record finds the record it was merged into.
     */
    Optional<StoredClient> byCode(long organisation, UicScheme scheme, String code) {
        if (UicCodes.isCheckCharacterWrong(scheme, code)) {
            return Optional.empty();
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(code);
        if (UicCodes.isWellFormedWithOrWithoutCheck(scheme, code)) {
            String body = UicCodes.bodyOf(scheme, code);
            forms.add(body);
            forms.add(UicCodes.withCheckCharacter(body));
        }
        Optional<StoredClient> found = forms.size() == 1 ? store.byUic(organisation, code)
                : store.byUics(organisation, forms).stream().findFirst();
        return found.map(this::survivorOf);
    }

    /** The record that holds a merged record's history now; a record that was not merged is itself. */
    private StoredClient survivorOf(StoredClient client) {
        StoredClient current = client;
        for (int hops = 0; current.isMerged() && hops < MAX_MERGE_HOPS; hops++) {
            StoredClient next = store.byId(current.mergedInto()).orElse(null);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** The account recorded as having made a change; the system itself is recorded as nobody. */
    static Long actorId(ReachUser actor) {
        return actor.id() == 0 ? null : actor.id();
    }
}
