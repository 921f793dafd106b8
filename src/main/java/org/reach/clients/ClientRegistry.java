package org.reach.clients;

import java.time.Clock;
import java.time.Instant;
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
import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.store.ClientStore;
import org.reach.clients.store.HistoryEntry;
import org.reach.clients.store.NewClient;
import org.reach.clients.store.StatusCutoffs;
import org.reach.clients.store.StoredClient;
import org.reach.clients.uic.NearMatch;
import org.reach.clients.uic.UicCodes;
import org.reach.clients.uic.UicComponents;
import org.reach.clients.uic.UicScheme;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.FieldProblem;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client registry: who may see and change clients is decided here. Client-level data is read only by
 * the staff of the client's own organisation, and every read and write lands in the audit log. The
 * components a code is built from are used once to compute it and never stored, logged or echoed.
 */
@Service
@Transactional
public class ClientRegistry implements Clients {

    static final String ENTITY = "client";
    static final Set<ClientStatus> RECORDED = EnumSet.of(ClientStatus.DETAINED, ClientStatus.TRANSFERRED,
            ClientStatus.DECEASED, ClientStatus.EXITED);
    private static final Set<ClientStatus> ENDED_BY_CONTACT = EnumSet.of(ClientStatus.DETAINED, ClientStatus.TRANSFERRED,
            ClientStatus.EXITED);
    private static final Set<Role> WRITERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.OUTREACH_WORKER);
    private static final Set<Role> IMPORTERS = EnumSet.of(Role.ORG_MANAGER, Role.SITE_MANAGER);
    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TEXT = 500;
    private static final int MAX_HOTSPOT = 200;
    private static final int MAX_ALIAS = 60;
    /** Attempts of a registration that lost a race to the unique code; the second one finds the winner's client. */
    private static final int MAX_ATTEMPTS = 3;

    private final ApplicationEventPublisher events;
    private final ClientStore store;
    private final StaffDirectory staff;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<ClientHistory> histories;
    private final ObjectProvider<RegistrationListener> registrationListeners;
    private final TransactionTemplate transactions;

    ClientRegistry(ClientStore store, StaffDirectory staff, OrganisationDirectory directory, AuditTrail audit,
                   Clock clock, ObjectProvider<ClientHistory> histories,
                   ObjectProvider<RegistrationListener> registrationListeners, ApplicationEventPublisher events,
                   PlatformTransactionManager transactionManager) {
        this.registrationListeners = registrationListeners;
        this.events = events;
        this.staff = staff;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.histories = histories;
    }

    // ---- who may do what

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

    private long readable(ReachUser actor) {
        if (!mayRead(actor)) {
            throw new Forbidden("read clients");
        }
        return actor.organisationId();
    }

    long writable(ReachUser actor) {
        if (!mayWrite(actor)) {
            throw new Forbidden("change clients");
        }
        return actor.organisationId();
    }

    private StoredClient stored(ReachUser actor, long id) {
        long organisation = readable(actor);
        return store.byId(id).filter(c -> c.organisationId() == organisation).orElseThrow(() -> new NotFound(ENTITY, id));
    }

    // ---- settings

    /** How many clients the person's organisation has: an aggregate, not client-level data. */
    public long clientCount(ReachUser actor) {
        return store.count(readable(actor));
    }

    /**
     * How many clients each peer follows: the peer the registry names, else the one in {@code otherAssignments}
     * (client id to peer id, kept elsewhere); clients who died, exited or moved away no longer count. An aggregate
     * per peer, not client-level data.
     */
    public Map<Long, Integer> caseloads(ReachUser actor, Map<Long, Long> otherAssignments) {
        Map<Long, Integer> counts = new HashMap<>();
        store.followedClientsAndPeers(readable(actor)).forEach((clientId, registryPeer) -> {
            Long peer = registryPeer != null ? registryPeer : otherAssignments.get(clientId);
            if (peer != null) {
                counts.merge(peer, 1, Integer::sum);
            }
        });
        return counts;
    }

    public ClientSettings settings(ReachUser actor) {
        return settingsOf(readable(actor));
    }

    public boolean schemeLocked(ReachUser actor) {
        return store.count(readable(actor)) > 0;
    }

    public ClientSettings updateSettings(ReachUser actor, ClientSettingsForm form) {
        long organisation = readable(actor);
        if (!mayChangeSettings(actor)) {
            throw new Forbidden("change client settings");
        }
        ClientSettings current = settingsOf(organisation);
        Problems problems = new Problems();
        problems.check(form.scheme() != null, "scheme", "error.required");
        if (form.activeMonths() == null) {
            problems.add("activeMonths", "error.required");
        } else {
            problems.check(form.activeMonths() >= 1 && form.activeMonths() <= 24, "activeMonths", "client.error.months", 1, 24);
        }
        if (form.lostAfterMonths() == null) {
            problems.add("lostAfterMonths", "error.required");
        } else {
            problems.check(form.lostAfterMonths() >= 2 && form.lostAfterMonths() <= 60, "lostAfterMonths", "client.error.months", 2, 60);
            problems.check(form.activeMonths() == null || form.lostAfterMonths() > form.activeMonths(), "lostAfterMonths",
                    "client.error.thresholdOrder");
        }
        if (form.scheme() != null && form.scheme() != current.scheme()) {
            problems.check(store.count(organisation) == 0, "scheme", "client.error.schemeLocked");
        }
        problems.throwIfAny();
        ClientSettings changed = new ClientSettings(organisation, form.scheme(), form.activeMonths(), form.lostAfterMonths());
        store.saveSettings(changed, now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, "client_settings", organisation,
                changed.scheme() + " " + changed.activeMonths() + "/" + changed.lostAfterMonths());
        return changed;
    }

    ClientSettings settingsOf(long organisation) {
        return store.settings(organisation).orElseGet(() -> ClientSettings.defaults(organisation));
    }

    // ---- reading

    @Override
    public Client client(ReachUser actor, long clientId) {
        StoredClient stored = stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, null);
        return toClient(stored);
    }

    @Override
    public Map<Long, Client> clients(ReachUser actor, Collection<Long> clientIds) {
        long organisation = readable(actor);
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        List<StoredClient> found = store.byIds(organisation, clientIds);
        ClientSettings settings = settingsOf(organisation);
        audit.recordRead(actor, organisation, ENTITY, found.size() == 1 ? found.get(0).id() : null,
                "lookup of " + found.size() + " clients", found.stream().map(StoredClient::id).toList());
        Map<Long, Client> answer = new HashMap<>();
        found.forEach(c -> answer.put(c.id(), toClient(c, settings)));
        return answer;
    }

    @Override
    public Optional<Client> findByUic(ReachUser actor, String uic) {
        long organisation = readable(actor);
        Optional<StoredClient> found = byCode(organisation, settingsOf(organisation).scheme(), UicCodes.normalise(uic));
        audit.recordRead(actor, organisation, ENTITY, found.map(StoredClient::id).orElse(null), "find by code");
        return found.map(this::toClient);
    }

    /**
     * The client a typed code stands for: a code with or without its check character finds a client stored either
     * way (codes registered before check characters have none), a code with a wrong check character finds nobody,
     * and the code of a merged record finds the record it was merged into.
     */
    private Optional<StoredClient> byCode(long organisation, UicScheme scheme, String code) {
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
        for (int hops = 0; current.isMerged() && hops < 10; hops++) {
            StoredClient next = store.byId(current.mergedInto()).orElse(null);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    @Override
    public Map<Long, String> codes(ReachUser actor, Collection<Long> clientIds) {
        long organisation = readable(actor);
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
        if (actor.isAdmin() || !mayCountReach(actor, organisationId)) {
            throw new Forbidden("link clients");
        }
        List<Client> clients = store.all(organisationId).stream().map(this::toClient).toList();
        audit.recordRead(actor, organisationId, ENTITY, null, "record linkage of " + clients.size() + " clients",
                clients.stream().map(Client::id).toList());
        return clients;
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

    @Override
    @Transactional // not read-only: the read is written to the audit log
    public List<HotspotReach> reachByHotspot(ReachUser actor, long organisationId, LocalDate from, LocalDate to) {
        if (!mayCountReach(actor, organisationId)) {
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
        StoredClient stored = stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, "profile");
        return profileOf(actor, stored);
    }

    public ClientPage search(ReachUser actor, ClientSearch search, int page, int size) {
        long organisation = readable(actor);
        ClientSettings settings = settingsOf(organisation);
        ClientSearch clean = new ClientSearch(search.code() == null ? null : UicCodes.normalise(search.code()),
                search.status(), search.siteId(), search.keyPopulation());
        int boundedSize = Paging.size(size, MAX_PAGE_SIZE);
        int boundedPage = Paging.page(page);
        StatusCutoffs cutoffs = cutoffs(settings);
        List<Client> clients = store.search(organisation, clean, cutoffs, Paging.offset(boundedPage, boundedSize), boundedSize).stream()
                .map(c -> toClient(c, settings)).toList();
        long total = store.count(organisation, clean, cutoffs);
        audit.recordRead(actor, organisation, ENTITY, null,
                "list page " + boundedPage + ": " + clients.size() + " of " + total + " clients",
                clients.stream().map(Client::id).toList());
        return new ClientPage(clients, boundedPage, boundedSize, total);
    }

    /** Registration, status and stage changes and what other capabilities recorded, newest first. */
    public List<TimelineEntry> timeline(ReachUser actor, long clientId) {
        StoredClient stored = stored(actor, clientId);
        audit.recordRead(actor, stored.organisationId(), ENTITY, clientId, "timeline");
        Client client = toClient(stored);
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
                List.of(siteName(actor, stored.enrolmentSiteId())), null));
        histories.orderedStream().forEach(history -> entries.addAll(history.timeline(actor, client)));
        // Newest first; on the same day the registration is the oldest entry, and otherwise each source's order stays.
        entries.sort(Comparator.comparing(TimelineEntry::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(entry -> "registration".equals(entry.kind())));
        return entries;
    }

    /** Status and stage changes of one client with who recorded them, newest first (for the history tables). */
    public List<HistoryEntry> statusHistory(ReachUser actor, long clientId) {
        stored(actor, clientId);
        return withRecorderNames(store.statusChanges(clientId));
    }

    public List<HistoryEntry> stageHistory(ReachUser actor, long clientId) {
        stored(actor, clientId);
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
        return directory.sites(actor, readable(actor)).stream().filter(Site::active).toList();
    }

    /** Every site of the person's organisation they can see, for filters and names. */
    public Map<Long, String> siteNames(ReachUser actor) {
        return directory.sites(actor, readable(actor)).stream()
                .collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a, LinkedHashMap::new));
    }

    /** Active outreach workers and site managers of the person's organisation, by name. */
    @Override
    public List<PeerEducator> peerEducators(ReachUser actor) {
        return staff.active(List.of(readable(actor)), EnumSet.of(Role.OUTREACH_WORKER, Role.SITE_MANAGER)).stream()
                .map(member -> new PeerEducator(member.id(), member.displayName())).toList();
    }

    // ---- registering

    /** The code these components give under the organisation's scheme; nothing is stored or recorded. */
    public String code(ReachUser actor, UicComponents components) {
        long organisation = writable(actor);
        Problems problems = new Problems();
        String code = codeOf(settingsOf(organisation).scheme(), new ClientRegistration(components, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null), problems);
        problems.throwIfAny();
        return UicCodes.withCheckCharacter(code);
    }

    /**
     * Registers a client, or opens the one already registered with the code. Two people registering one code
     * at the same moment both get an answer: the one whose insert loses the race to the unique code sees the
     * other's client on a fresh attempt, exactly as if they had come a second later.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction, see below
    public RegistrationOutcome register(ReachUser actor, ClientRegistration registration) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return registerOnce(actor, registration); // inside a caller's transaction: it decides what a failure means
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> registerOnce(actor, registration));
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private RegistrationOutcome registerOnce(ReachUser actor, ClientRegistration registration) {
        long organisation = writable(actor);
        ClientSettings settings = settingsOf(organisation);
        Problems problems = new Problems();
        String code = codeOf(settings.scheme(), registration, problems);
        NewClient facts = validate(actor, organisation, code, registration.gender() != null ? registration.gender()
                        : componentGender(registration), registration.birthYear() != null ? registration.birthYear()
                        : componentBirthYear(registration), registration.keyPopulations(), registration.primaryDrug(),
                registration.secondaryDrug(), registration.route(), registration.enrolmentSiteId(),
                registration.enrolmentHotspot(), registration.peerEducatorId(), registration.firstContact(),
                registration.alias(), null, problems);
        problems.throwIfAny();

        Optional<StoredClient> exact = byCode(organisation, settings.scheme(), code);
        if (exact.isPresent()) {
            audit.recordRead(actor, organisation, ENTITY, exact.get().id(), "opened by exact code");
            return RegistrationOutcome.existing(toClient(exact.get(), settings));
        }
        // Near matches compare the codes without check characters: old and new codes of one person differ only there.
        String body = UicCodes.bodyOf(settings.scheme(), code);
        code = UicCodes.withCheckCharacter(body);
        facts = facts.withUic(code);
        Map<String, String> storedByBody = new LinkedHashMap<>();
        for (String stored : store.codes(organisation)) {
            storedByBody.putIfAbsent(UicCodes.bodyOf(settings.scheme(), stored), stored);
        }
        List<NearMatch> near = UicCodes.nearMatches(settings.scheme(), body, storedByBody.keySet());
        if (!near.isEmpty()) {
            Map<String, NearMatch.Kind> kinds = new LinkedHashMap<>();
            near.forEach(match -> kinds.putIfAbsent(storedByBody.get(match.code()), match.kind()));
            List<StoredClient> candidates = store.byUics(organisation, kinds.keySet());
            if (registration.decision() == null) {
                audit.recordRead(actor, organisation, ENTITY, null, "near matches " + ids(candidates),
                        candidates.stream().map(StoredClient::id).toList());
                return RegistrationOutcome.needsDecision(code, candidates.stream()
                        .map(c -> new NearMatchCandidate(c.id(), c.uic(), kinds.get(c.uic()), c.gender(), c.birthYear(),
                                siteName(actor, c.enrolmentSiteId()), c.firstContact()))
                        .toList());
            }
            if (registration.decision() == DuplicateDecision.CONFIRMED_SAME) {
                StoredClient same = candidates.stream()
                        .filter(c -> registration.sameAsClientId() != null && c.id() == registration.sameAsClientId())
                        .findFirst()
                        .orElseThrow(() -> InvalidInput.of("sameAsClientId", "client.error.notANearMatch"));
                store.addDuplicateDecision(organisation, code, same.id(), kinds.get(same.uic()).name(),
                        DuplicateDecision.CONFIRMED_SAME, actorId(actor), now());
                audit.recordWrite(actor, organisation, AuditAction.CREATE, "duplicate_decision", same.id(),
                        DuplicateDecision.CONFIRMED_SAME.name(), List.of(same.id()));
                audit.recordRead(actor, organisation, ENTITY, same.id(), "opened by confirmed near match");
                return RegistrationOutcome.existing(toClient(same, settings));
            }
            for (StoredClient candidate : candidates) {
                store.addDuplicateDecision(organisation, code, candidate.id(), kinds.get(candidate.uic()).name(),
                        DuplicateDecision.REJECTED_DIFFERENT, actorId(actor), now());
                audit.recordWrite(actor, organisation, AuditAction.CREATE, "duplicate_decision", candidate.id(),
                        DuplicateDecision.REJECTED_DIFFERENT.name(), List.of(candidate.id()));
            }
        }
        long id = store.insert(facts, now());
        audit.recordWrite(actor, organisation, AuditAction.CREATE, ENTITY, id, null);
        Client created = toClient(store.byId(id).orElseThrow(), settings);
        registrationListeners.orderedStream()
                .forEach(listener -> listener.registered(actor, created, identity(registration.components(), created)));
        return RegistrationOutcome.created(created);
    }

    /** The components as record linkage reads them: names as letters only, unknown parts empty or null. */
    private static RegistrationListener.Identity identity(UicComponents components, Client client) {
        if (components == null) {
            return null;
        }
        return new RegistrationListener.Identity(letters(components.motherFirstName()),
                letters(components.fatherFirstName()), letters(components.ownFirstName()),
                letters(components.ownLastName()), client.gender(), client.birthYear(), components.birthMonth(),
                components.birthDay());
    }

    private static String letters(String name) {
        try {
            return name == null ? "" : UicCodes.normaliseName("name", name);
        } catch (InvalidInput refused) {
            return ""; // a name the code could do without (own names when the parents are known)
        }
    }

    /** Decisions recorded about a new code: candidate client id to decision. */
    public Map<Long, DuplicateDecision> duplicateDecisions(ReachUser actor, String newCode) {
        long organisation = readable(actor);
        UicScheme scheme = settingsOf(organisation).scheme();
        String code = UicCodes.normalise(newCode);
        if (UicCodes.isWellFormed(scheme, code)) {
            code = UicCodes.withCheckCharacter(code); // decisions are kept under the new code, check character included
        }
        return store.duplicateDecisions(organisation, code);
    }

    private String codeOf(UicScheme scheme, ClientRegistration registration, Problems problems) {
        UicComponents components = registration.components();
        if (components != null) {
            Gender gender = registration.gender() != null ? registration.gender() : components.gender();
            Integer birthYear = registration.birthYear() != null ? registration.birthYear() : components.birthYear();
            boolean partsOk = checkDatePart(problems, "birthMonth", components.birthMonth(), 12)
                    & checkDatePart(problems, "birthDay", components.birthDay(), 31)
                    & checkDatePart(problems, "birthOrder", components.birthOrder(), 99);
            try {
                String code = UicCodes.generate(scheme, new UicComponents(components.motherFirstName(),
                        components.fatherFirstName(), components.ownFirstName(), components.ownLastName(), gender,
                        birthYear, components.birthMonth(), components.birthDay(), components.birthOrder()));
                return partsOk ? code : null;
            } catch (InvalidInput invalid) {
                for (FieldProblem problem : invalid.problems()) {
                    if (!problems.has(problem.field())) {
                        problems.add(problem.field(), problem.messageKey(), problem.arguments().toArray());
                    }
                }
                return null;
            }
        }
        if (registration.code() == null || registration.code().isBlank()) {
            problems.add("code", "client.error.codeOrComponents");
            return null;
        }
        String code = UicCodes.normalise(registration.code());
        if (UicCodes.isCheckCharacterWrong(scheme, code) && UicCodes.isWellFormed(scheme, UicCodes.bodyOf(scheme, code))) {
            problems.add("code", "client.error.checkCharacter");
        } else {
            problems.check(UicCodes.isWellFormedWithOrWithoutCheck(scheme, code), "code", "client.error.codeFormat",
                    scheme.length(), scheme.length() + 1);
        }
        return code;
    }

    private static boolean checkDatePart(Problems problems, String field, Integer value, int max) {
        boolean ok = value == null || (value >= 1 && value <= max);
        problems.check(ok, field, "client.error.between", 1, max);
        return ok;
    }

    private static Gender componentGender(ClientRegistration registration) {
        return registration.components() == null ? null : registration.components().gender();
    }

    private static Integer componentBirthYear(ClientRegistration registration) {
        return registration.components() == null ? null : registration.components().birthYear();
    }

    // ---- changing

    public ClientProfile update(ReachUser actor, long clientId, ClientUpdate update) {
        long organisation = writable(actor);
        StoredClient current = stored(actor, clientId);
        Client asClient = toClient(current);
        boolean aliasVisible = maySeeAlias(actor, asClient);
        Problems problems = new Problems();
        NewClient facts = validate(actor, organisation, current.uic(), update.gender(), update.birthYear(),
                update.keyPopulations(), update.primaryDrug(), update.secondaryDrug(), update.route(),
                update.enrolmentSiteId(), update.enrolmentHotspot(), update.peerEducatorId(), update.firstContact(),
                aliasVisible ? update.alias() : null, current, problems);
        if (update.firstContact() != null && current.lastContact().isAfter(current.firstContact())
                && update.firstContact().isAfter(current.lastContact())) {
            problems.add("firstContact", "client.error.afterLastContact");
        }
        problems.throwIfAny();
        String alias = aliasVisible ? facts.alias() : current.alias();
        NewClient changed = new NewClient(organisation, current.uic(), facts.gender(), facts.birthYear(),
                facts.keyPopulations(), facts.primaryDrug(), facts.secondaryDrug(), facts.route(), facts.enrolmentSiteId(),
                facts.enrolmentHotspot(), facts.peerEducatorId(), facts.firstContact(), current.stage(), alias);
        store.update(clientId, changed, now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, clientId, null);
        return profileOf(actor, store.byId(clientId).orElseThrow());
    }

    public Client changeStatus(ReachUser actor, long clientId, StatusChange change) {
        long organisation = writable(actor);
        StoredClient current = stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(current.explicitStatus() != ClientStatus.DECEASED, "status", "client.error.deceased");
        if (change.status() == null) {
            problems.add("status", "error.required");
        } else {
            problems.check(RECORDED.contains(change.status()), "status", "client.error.statusDerived");
        }
        checkDate(problems, "date", change.date(), current.firstContact());
        String reason = trim(change.reason());
        if (reason == null) {
            problems.add("reason", "error.required");
        } else {
            problems.check(reason.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        }
        problems.throwIfAny();
        store.setExplicitStatus(clientId, change.status(), change.date(), now());
        store.addStatusChange(clientId, change.status(), change.date(), reason, actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, clientId, "status " + change.status());
        return toClient(store.byId(clientId).orElseThrow());
    }

    @Override
    public Client recordDeath(ReachUser actor, long clientId, LocalDate date, String reason) {
        long organisation = writable(actor);
        StoredClient current = stored(actor, clientId);
        Problems problems = new Problems();
        checkDate(problems, "diedOn", date, current.firstContact());
        String text = trim(reason);
        problems.check(text == null || text.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        problems.throwIfAny();
        if (current.explicitStatus() == ClientStatus.DECEASED && date.equals(current.explicitStatusDate())) {
            return toClient(current);
        }
        store.setExplicitStatus(clientId, ClientStatus.DECEASED, date, now());
        store.addStatusChange(clientId, ClientStatus.DECEASED, date, text, actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, clientId, "status DECEASED");
        return toClient(store.byId(clientId).orElseThrow());
    }

    @Override
    public Client endRecordedStatus(ReachUser actor, long clientId, ClientStatus status, LocalDate date, String reason) {
        long organisation = writable(actor);
        StoredClient current = stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(status != null && ENDED_BY_CONTACT.contains(status), "status", "client.error.statusDerived");
        checkDate(problems, "date", date, current.firstContact());
        String note = trim(reason);
        problems.check(note == null || note.length() <= MAX_TEXT, "reason", "error.tooLong", MAX_TEXT);
        problems.throwIfAny();
        if (current.explicitStatus() != status) {
            return toClient(current);
        }
        store.setExplicitStatus(clientId, null, null, now());
        store.addStatusChange(clientId, derived(current.lastContact(), settingsOf(organisation)), date, note,
                actorId(actor), now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, clientId, "end status " + status,
                List.of(clientId));
        return toClient(store.byId(clientId).orElseThrow());
    }

    public Client changeStage(ReachUser actor, long clientId, StageChange change) {
        long organisation = writable(actor);
        StoredClient current = stored(actor, clientId);
        Problems problems = new Problems();
        problems.check(current.explicitStatus() != ClientStatus.DECEASED, "stage", "client.error.deceased");
        problems.check(change.stage() != null, "stage", "error.required");
        checkDate(problems, "date", change.date(), current.firstContact());
        String note = trim(change.note());
        problems.check(note == null || note.length() <= MAX_TEXT, "note", "error.tooLong", MAX_TEXT);
        List<HistoryEntry> earlier = store.stageChanges(clientId);
        if (change.stage() != null && change.date() != null) {
            CareStage before = earlier.stream().filter(e -> !e.date().isAfter(change.date())).findFirst()
                    .map(e -> CareStage.valueOf(e.value())).orElse(CareStage.HARM_REDUCTION);
            problems.check(before != change.stage(), "stage", "client.error.sameStage");
        }
        problems.throwIfAny();
        store.addStageChange(clientId, change.stage(), change.date(), note, actorId(actor), now());
        CareStage latest = CareStage.valueOf(store.stageChanges(clientId).get(0).value());
        store.setStage(clientId, latest, now());
        audit.recordWrite(actor, organisation, AuditAction.UPDATE, ENTITY, clientId, "stage " + change.stage());
        return toClient(store.byId(clientId).orElseThrow());
    }

    /**
     * A contact moves the first and last contact dates. A contact on or after a recorded detention, transfer
     * or exit brings the client back under the contact rule, and that change is recorded. Deceased is final.
     * Many contacts at once: the clients are read in one query and their dates written in one batch; one audit
     * entry, in the actor's name, names how many clients were contacted (or which one, when it is one).
     * The moved clients are then announced as {@link ClientsContacted}, for whoever keeps figures about them.
     */
    @Override
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
        Map<Long, StoredClient> current = store.byIds(batch.organisationId(), latest.keySet()).stream()
                .collect(Collectors.toMap(StoredClient::id, c -> c));
        for (Long id : latest.keySet()) {
            StoredClient client = current.get(id);
            if (client == null) {
                throw new NotFound(ENTITY, id);
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
            if (client.explicitStatus() != null && ENDED_BY_CONTACT.contains(client.explicitStatus())
                    && ending != null && !ending.isBefore(client.explicitStatusDate())) {
                settings = settings != null ? settings : settingsOf(client.organisationId());
                store.setExplicitStatus(client.id(), null, null, now());
                store.addStatusChange(client.id(), derived(last, settings), ending, null, actorId(actor), now());
            }
        }
        store.setContactsAll(changes, now());
        Long single = current.size() == 1 ? current.keySet().iterator().next() : null;
        audit.recordWrite(actor, batch.organisationId(), AuditAction.UPDATE, ENTITY, single,
                single != null ? "contact" : "contact of " + current.size() + " clients", current.keySet());
        events.publishEvent(batch);
    }

    // ---- validation: everything is checked before anything is written

    NewClient validate(ReachUser actor, long organisation, String code, Gender gender, Integer birthYear,
                               Set<KeyPopulation> keyPopulations, Drug primaryDrug, Drug secondaryDrug, Route route,
                               Long enrolmentSiteId, String hotspot, Long peerEducatorId, LocalDate firstContact,
                               String alias, StoredClient current, Problems problems) {
        LocalDate today = today();
        problems.check(gender != null || problems.has("gender"), "gender", "error.required");
        if (birthYear != null) {
            int youngest = today.getYear() - 10;
            int oldest = today.getYear() - 100;
            problems.check(birthYear >= oldest && birthYear <= youngest, "birthYear", "client.error.birthYear", oldest, youngest);
        }
        problems.check(secondaryDrug == null || secondaryDrug != primaryDrug, "secondaryDrug", "client.error.sameDrug");
        if (enrolmentSiteId == null) {
            problems.check(problems.has("enrolmentSiteId"), "enrolmentSiteId", "error.required");
        } else {
            boolean visible;
            try {
                Site site = directory.site(actor, enrolmentSiteId);
                visible = site.organisationId() == organisation
                        && (site.active() || (current != null && current.enrolmentSiteId() == site.id()));
            } catch (NotFound notVisible) {
                visible = false;
            }
            problems.check(visible, "enrolmentSiteId", "error.unknown");
        }
        String cleanHotspot = trim(hotspot);
        problems.check(cleanHotspot == null || cleanHotspot.length() <= MAX_HOTSPOT, "enrolmentHotspot", "error.tooLong", MAX_HOTSPOT);
        if (peerEducatorId != null) {
            problems.check(staff.isMemberOf(peerEducatorId, organisation), "peerEducatorId", "error.unknown");
        }
        if (firstContact == null) {
            problems.check(problems.has("firstContact"), "firstContact", "error.required");
        } else {
            problems.check(!firstContact.isAfter(today), "firstContact", "client.error.future");
            problems.check(!firstContact.isBefore(LocalDate.of(1980, 1, 1)), "firstContact", "client.error.tooEarly");
        }
        String cleanAlias = trim(alias);
        if (cleanAlias != null) {
            problems.check(cleanAlias.length() <= MAX_ALIAS, "alias", "error.tooLong", MAX_ALIAS);
            problems.check(enrolmentSiteId != null && actor.isAssignedTo(enrolmentSiteId), "alias", "client.error.aliasSiteOnly");
        }
        if (code == null || gender == null || enrolmentSiteId == null || firstContact == null) {
            return null;
        }
        return new NewClient(organisation, code, gender, birthYear, keyPopulations, primaryDrug, secondaryDrug, route,
                enrolmentSiteId, cleanHotspot, peerEducatorId, firstContact, CareStage.HARM_REDUCTION, cleanAlias);
    }

    private void checkDate(Problems problems, String field, LocalDate date, LocalDate firstContact) {
        if (date == null) {
            problems.add(field, "error.required");
        } else {
            problems.check(!date.isAfter(today()), field, "client.error.future");
            problems.check(!date.isBefore(firstContact), field, "client.error.beforeFirstContact");
        }
    }

    // ---- status rule and mapping

    /** Active while the last contact is at most N months old, defaulter until M months, lost after. */
    public ClientStatus derivedStatus(LocalDate lastContact, ClientSettings settings) {
        return derived(lastContact, settings);
    }

    private ClientStatus derived(LocalDate lastContact, ClientSettings settings) {
        return settings.statusOn(lastContact, today());
    }

    private StatusCutoffs cutoffs(ClientSettings settings) {
        LocalDate today = today();
        return new StatusCutoffs(settings.activeSince(today), settings.lostBefore(today));
    }

    @Override
    public Map<Long, ClientSettings> statusRules(Collection<Long> organisationIds) {
        Map<Long, ClientSettings> rules = new HashMap<>();
        for (Long organisation : organisationIds) {
            rules.put(organisation, settingsOf(organisation));
        }
        return rules;
    }

    /** A stored client as others see it (status derived by the organisation's rule); no audit entry. */
    Client clientOf(StoredClient stored) {
        return toClient(stored);
    }

    private Client toClient(StoredClient stored) {
        return toClient(stored, settingsOf(stored.organisationId()));
    }

    private Client toClient(StoredClient c, ClientSettings settings) {
        ClientStatus status = c.isMerged() ? ClientStatus.MERGED
                : c.explicitStatus() != null ? c.explicitStatus() : derived(c.lastContact(), settings);
        return new Client(c.id(), c.organisationId(), c.uic(), c.gender(), c.birthYear(), c.keyPopulations(),
                c.primaryDrug(), c.secondaryDrug(), c.route(), c.enrolmentSiteId(), c.enrolmentHotspot(),
                c.peerEducatorId(), c.firstContact(), c.lastContact(), status, c.stage());
    }

    private ClientProfile profileOf(ReachUser actor, StoredClient stored) {
        Client client = toClient(stored);
        boolean aliasVisible = maySeeAlias(actor, client);
        return new ClientProfile(client, ageBand(client.birthYear()), siteName(actor, stored.enrolmentSiteId()),
                stored.peerEducatorId() == null ? null : staff.displayName(stored.peerEducatorId()).orElse(null),
                aliasVisible ? stored.alias() : null, aliasVisible);
    }

    private String ageBand(Integer birthYear) {
        if (birthYear == null) {
            return null;
        }
        int age = today().getYear() - birthYear;
        if (age < 18) {
            return "<18";
        }
        if (age < 25) {
            return "18–24";
        }
        if (age < 35) {
            return "25–34";
        }
        if (age < 45) {
            return "35–44";
        }
        return age < 55 ? "45–54" : "55+";
    }

    /** A site of the person's own organisation by name, also one they are not assigned to. */
    private String siteName(ReachUser actor, long siteId) {
        return directory.siteNamesOfOwnOrganisation(actor).getOrDefault(siteId, "");
    }

    private static String ids(List<StoredClient> clients) {
        return clients.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(","));
    }

    static Long actorId(ReachUser actor) {
        return actor.id() == 0 ? null : actor.id();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
