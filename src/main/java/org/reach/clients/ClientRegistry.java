package org.reach.clients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.accounts.StaffDirectory;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.HistoryEntry;
import org.reach.clients.store.StatusCutoffs;
import org.reach.clients.store.StoredClient;
import org.reach.clients.uic.UicCodes;
import org.reach.clients.uic.UicScheme;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client registry as others see it ({@link Clients}): reading and searching clients of the actor's own
 * organisation, their profile, timeline and history, and the counts made from them. Every read lands in the audit log;
 * the components a code is built from are never stored, logged or echoed. The rest of the registry's work has its own
 * class, which the pages and API call directly and the registry passes on to for other capabilities: who may do what
 * ({@link ClientAccess}), settings and the status rule ({@link RegistrySettings}), registration with the duplicate
 * guard ({@link ClientRegistrations}), status and stage changes ({@link ClientStatusChanges}), contacts
 * ({@link ClientContacts}), the import ({@link ClientImportWork}) and merges ({@link ClientMerges}).
 */
@Service
@Transactional
public class ClientRegistry implements Clients {

    static final String ENTITY = "client";
    private static final int MAX_PAGE_SIZE = 100;

    private final ClientStore store;
    private final ClientAccess access;
    private final RegistrySettings registrySettings;
    private final ClientViews views;
    private final ClientRegistrations registrations;
    private final ClientStatusChanges statusChanges;
    private final ClientContacts contacts;
    private final StaffDirectory staff;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final ObjectProvider<ClientHistory> histories;

    ClientRegistry(ClientStore store, ClientAccess access, RegistrySettings registrySettings, ClientViews views,
                   ClientRegistrations registrations, ClientStatusChanges statusChanges, ClientContacts contacts,
                   StaffDirectory staff, OrganisationDirectory directory, AuditTrail audit,
                   ObjectProvider<ClientHistory> histories) {
        this.store = store;
        this.access = access;
        this.registrySettings = registrySettings;
        this.views = views;
        this.registrations = registrations;
        this.statusChanges = statusChanges;
        this.contacts = contacts;
        this.staff = staff;
        this.directory = directory;
        this.audit = audit;
        this.histories = histories;
    }

    /** {@link ClientAccess#mayRead}, for capabilities that ask the registry before they show a client's work. */
    public boolean mayRead(ReachUser actor) {
        return access.mayRead(actor);
    }

    // ---- reading

    @Override
    public Client client(ReachUser actor, long clientId) {
        StoredClient stored = access.stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, null);
        return views.clientOf(stored);
    }

    @Override
    public Map<Long, Client> clients(ReachUser actor, Collection<Long> clientIds) {
        long organisation = access.readable(actor);
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        List<StoredClient> found = store.byIds(organisation, clientIds);
        ClientSettings settings = registrySettings.settingsOf(organisation);
        audit.recordRead(actor, organisation, ENTITY, found.size() == 1 ? found.get(0).id() : null,
                "lookup of " + found.size() + " clients", found.stream().map(StoredClient::id).toList());
        Map<Long, Client> answer = new HashMap<>();
        found.forEach(c -> answer.put(c.id(), views.clientOf(c, settings)));
        return answer;
    }

    @Override
    public Optional<Client> findByUic(ReachUser actor, String uic) {
        long organisation = access.readable(actor);
        UicScheme scheme = registrySettings.settingsOf(organisation).scheme();
        Optional<StoredClient> found = access.byCode(organisation, scheme, UicCodes.normalise(uic));
        audit.recordRead(actor, organisation, ENTITY, found.map(StoredClient::id).orElse(null), "find by code");
        return found.map(views::clientOf);
    }

    @Override
    public Map<Long, String> codes(ReachUser actor, Collection<Long> clientIds) {
        long organisation = access.readable(actor);
        Set<Long> wanted = clientIds.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> codes = store.codesOf(organisation, wanted);
        audit.recordRead(actor, organisation, ENTITY, null, "codes of " + codes.size() + " clients", codes.keySet());
        return Map.copyOf(codes);
    }

    @Override
    @Transactional // not read-only: the read is written to the audit log
    public List<Client> clientsForLinkage(ReachUser actor, long organisationId) {
        if (actor.isAdmin() || !access.mayCountReach(actor, organisationId)) {
            throw new Forbidden("link clients");
        }
        List<Client> clients = store.all(organisationId).stream().map(views::clientOf).toList();
        audit.recordRead(actor, organisationId, ENTITY, null, "record linkage of " + clients.size() + " clients",
                clients.stream().map(Client::id).toList());
        return clients;
    }

    @Override
    @Transactional // not read-only: the read is written to the audit log
    public List<HotspotReach> reachByHotspot(ReachUser actor, long organisationId, LocalDate from, LocalDate to) {
        if (!access.mayCountReach(actor, organisationId)) {
            throw new Forbidden("count clients reached");
        }
        Problems problems = new Problems();
        problems.check(from != null, "from", "error.required");
        problems.check(to != null, "to", "error.required");
        problems.check(from == null || to == null || !from.isAfter(to), "to", "client.error.periodOrder");
        problems.throwIfAny();
        Map<String, HotspotReach> merged = new LinkedHashMap<>();
        for (HotspotReach row : store.reachByHotspot(organisationId, from, to)) {
            String key = HotspotReach.normalise(row.hotspot());
            if (!key.isEmpty()) {
                merged.merge(key, row, HotspotReach::plus);
            }
        }
        audit.recordRead(actor, organisationId, ENTITY, null, "reach by hotspot " + from + " to " + to);
        return List.copyOf(merged.values());
    }

    public ClientProfile profile(ReachUser actor, long clientId) {
        StoredClient stored = access.stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, "profile");
        return views.profileOf(actor, stored);
    }

    public ClientPage search(ReachUser actor, ClientSearch search, int page, int size) {
        long organisation = access.readable(actor);
        ClientSettings settings = registrySettings.settingsOf(organisation);
        ClientSearch clean = new ClientSearch(search.code() == null ? null : UicCodes.normalise(search.code()),
                search.status(), search.siteId(), search.keyPopulation(), search.lastContactBefore());
        int boundedSize = Paging.size(size, MAX_PAGE_SIZE);
        int boundedPage = Paging.page(page);
        StatusCutoffs cutoffs = registrySettings.cutoffs(settings);
        List<Client> clients = store.search(organisation, clean, cutoffs, Paging.offset(boundedPage, boundedSize), boundedSize).stream()
                .map(c -> views.clientOf(c, settings)).toList();
        long total = store.count(organisation, clean, cutoffs);
        audit.recordRead(actor, organisation, ENTITY, null,
                "list page " + boundedPage + ": " + clients.size() + " of " + total + " clients",
                clients.stream().map(Client::id).toList());
        return new ClientPage(clients, boundedPage, boundedSize, total);
    }

    /** Registration, status and stage changes and what other capabilities recorded, newest first. */
    public List<TimelineEntry> timeline(ReachUser actor, long clientId) {
        StoredClient stored = access.stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, "timeline");
        Client client = views.clientOf(stored);
        List<HistoryEntry> statuses = store.statusChanges(clientId);
        List<HistoryEntry> stages = store.stageChanges(clientId);
        List<HistoryEntry> changes = new ArrayList<>(statuses);
        changes.addAll(stages);
        changes.sort(Comparator.comparing(HistoryEntry::date).thenComparing(HistoryEntry::recordedAt)
                .thenComparing(HistoryEntry::id).reversed());
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryEntry change : changes) {
            boolean isStatus = statuses.contains(change);
            entries.add(new TimelineEntry(change.date(), isStatus ? "status" : "stage",
                    (isStatus ? "timeline.status." : "timeline.stage.") + change.value(),
                    List.of(change.text() == null ? "—" : change.text()), null));
        }
        entries.add(new TimelineEntry(stored.firstContact(), "registration", "timeline.registered",
                List.of(views.siteName(actor, stored.enrolmentSiteId())), null));
        histories.orderedStream().forEach(history -> entries.addAll(history.timeline(actor, client)));
        // Newest first; on the same day the registration is the oldest entry, and otherwise each source's order stays.
        entries.sort(Comparator.comparing(TimelineEntry::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(entry -> "registration".equals(entry.kind())));
        return entries;
    }

    /** Status and stage changes of one client with who recorded them, newest first (for the history tables). */
    public List<HistoryEntry> statusHistory(ReachUser actor, long clientId) {
        access.stored(actor, clientId);
        return withRecorderNames(store.statusChanges(clientId));
    }

    public List<HistoryEntry> stageHistory(ReachUser actor, long clientId) {
        access.stored(actor, clientId);
        return withRecorderNames(store.stageChanges(clientId));
    }

    private List<HistoryEntry> withRecorderNames(List<HistoryEntry> entries) {
        Map<Long, String> names = staff.displayNames(entries.stream().map(HistoryEntry::recordedBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return entries.stream().map(e -> e.recordedBy() == null ? e : e.withRecordedByName(names.get(e.recordedBy())))
                .toList();
    }

    /** The sites a client may be enrolled at by this person. */
    public List<Site> enrolmentSites(ReachUser actor) {
        return directory.sites(actor, access.readable(actor)).stream().filter(Site::active).toList();
    }

    /** Every site of the person's organisation they can see, for filters and names. */
    public Map<Long, String> siteNames(ReachUser actor) {
        return directory.sites(actor, access.readable(actor)).stream()
                .collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a, LinkedHashMap::new));
    }

    /** Active outreach workers and site managers of the person's organisation, by name. */
    @Override
    public List<PeerEducator> peerEducators(ReachUser actor) {
        return staff.active(List.of(access.readable(actor)), EnumSet.of(Role.OUTREACH_WORKER, Role.SITE_MANAGER)).stream()
                .map(member -> new PeerEducator(member.id(), member.displayName())).toList();
    }

    // ---- counts: aggregates, not client-level data

    /** How many clients the person's organisation has: an aggregate, not client-level data. */
    public long clientCount(ReachUser actor) {
        return store.count(access.readable(actor));
    }

    /**
     * How many clients each peer follows: the peer the registry names, else the one in {@code otherAssignments}
     * (client id to peer id, kept elsewhere); clients who died, exited or moved away no longer count. An aggregate
     * per peer, not client-level data.
     */
    public Map<Long, Integer> caseloads(ReachUser actor, Map<Long, Long> otherAssignments) {
        Map<Long, Integer> counts = new HashMap<>();
        store.followedClientsAndPeers(access.readable(actor)).forEach((clientId, registryPeer) -> {
            Long peer = registryPeer != null ? registryPeer : otherAssignments.get(clientId);
            if (peer != null) {
                counts.merge(peer, 1, Integer::sum);
            }
        });
        return counts;
    }

    // ---- passed on to the class that owns the work, for other capabilities

    /** {@link ClientRegistrations#register}; each attempt in its own transaction there, so none is opened here. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RegistrationOutcome register(ReachUser actor, ClientRegistration registration) {
        return registrations.register(actor, registration);
    }

    /** {@link ClientStatusChanges#changeStatus}. */
    public Client changeStatus(ReachUser actor, long clientId, StatusChange change) {
        return statusChanges.changeStatus(actor, clientId, change);
    }

    @Override
    public Client recordDeath(ReachUser actor, long clientId, LocalDate date, String reason) {
        return statusChanges.recordDeath(actor, clientId, date, reason);
    }

    @Override
    public Client endRecordedStatus(ReachUser actor, long clientId, ClientStatus status, LocalDate date, String reason) {
        return statusChanges.endRecordedStatus(actor, clientId, status, date, reason);
    }

    @Override
    public void recordContacts(ReachUser actor, long organisationId, List<ClientContacted> contacted) {
        contacts.recordContacts(actor, organisationId, contacted);
    }

    @Override
    public String whyNoClientHasCode(ReachUser actor, String code, String otherwise) {
        if (code == null || actor.organisationId() == null) {
            return otherwise;
        }
        UicScheme scheme = registrySettings.settingsOf(actor.organisationId()).scheme();
        String typed = UicCodes.normalise(code);
        boolean mistyped = UicCodes.isCheckCharacterWrong(scheme, typed)
                && UicCodes.isWellFormed(scheme, UicCodes.bodyOf(scheme, typed));
        return mistyped ? "client.error.checkCharacter" : otherwise;
    }

    @Override
    public Map<Long, ClientSettings> statusRules(Collection<Long> organisationIds) {
        return registrySettings.statusRules(organisationIds);
    }
}
