package org.reach.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientContacted;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.organisations.SiteType;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.services.store.EncounterStore;
import org.reach.services.store.EncounterStore.Known;
import org.reach.services.store.EncounterStore.NewEncounter;
import org.reach.services.store.EncounterStore.NewService;
import org.reach.services.store.ServiceStore;
import org.springframework.stereotype.Service;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.function.Supplier;

/**
 * Records encounters one at a time or in batches. Everything is validated before anything is written; a
 * uuid already stored with the same content is recognised and not stored again, with different content
 * it is a conflict. A batch is written with JDBC batches and one audit entry.
 */
@Service
@Transactional
public class Encounters {

    public static final int MAX_BATCH = 500;
    /**
     * The most items one encounter may give or take back: a peer carrying syringes for a whole network gives
     * a few thousand at most, so a larger number is a typing error that would swell the indicators.
     */
    public static final int MAX_QUANTITY = 10_000;
    /** A full sharps bin weighs tens of kilograms; 100 kg is more than one encounter can bring back. */
    public static final int MAX_RETURNED_GRAMS = 100_000;
    private static final int LIST_LIMIT = 500;
    /** The largest page of the encounter list, as for the client list. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_ATTEMPTS = 3;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final EncounterStore store;
    private final ServiceStore services;
    private final OrganisationDirectory directory;
    private final ClientLookup clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Encounters(EncounterStore store, ServiceStore services, OrganisationDirectory directory, ClientLookup clients,
               AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.services = services;
        this.directory = directory;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return ServiceAccess.mayRecord(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return ServiceAccess.mayRead(actor);
    }

    /** One encounter: stored and created, or the earlier one when the same uuid came with the same content. */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction
    public RecordedEncounter record(ReachUser actor, EncounterForm form) {
        return retryingARace(() -> recordOnce(actor, form));
    }

    /** Up to 500 encounters: all valid and written, or none written and every problem named by index. */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction
    public BatchResult recordBatch(ReachUser actor, EncounterBatch batch) {
        return retryingARace(() -> recordBatchOnce(actor, batch));
    }

    /**
     * A device that repeats a submission while the first is still being written loses the race to the unique
     * uuid; a fresh attempt then finds the first one's encounters and answers like any repeat (200, duplicates),
     * never with an error for a write that did happen.
     */
    private <T> T retryingARace(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write.get(); // inside a caller's transaction: it decides what a failure means
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> write.get());
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private RecordedEncounter recordOnce(ReachUser actor, EncounterForm form) {
        long organisationId = ServiceAccess.requireRecorder(actor, "record encounter");
        Context context = context(actor, organisationId);
        Problems problems = new Problems();
        Prepared prepared = prepare(context, form, "", problems);
        List<FieldProblem> found = found(problems);
        if (!found.isEmpty() && !alreadyStored(List.of(prepared), organisationId).contains(prepared.index())) {
            throw new InvalidInput(found);
        }
        Known known = store.known(organisationId, List.of(prepared.row().uuid())).get(prepared.row().uuid());
        if (known != null) {
            if (known.organisationId() != organisationId || !known.fingerprint().equals(prepared.row().fingerprint())) {
                throw new EncounterConflict(List.of(FieldProblem.of("uuid", "encounter.error.uuidConflict")));
            }
            Encounter existing = store.byId(known.id()).orElseThrow();
            return new RecordedEncounter(existing, false, prepared.warnings());
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        long id = store.insertOne(prepared.row(), actor.id(), now);
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "encounter", id, null,
                clientIds(List.of(prepared.row())));
        recordContact(actor, prepared.row(), context);
        return new RecordedEncounter(written(id, prepared.row(), actor.id(), now, context), true, prepared.warnings());
    }

    /** The encounter as it was just written, answered without reading it back. */
    private static Encounter written(long id, NewEncounter row, long createdBy, Instant createdAt, Context context) {
        Map<Long, ServiceDefinition> byId = new HashMap<>();
        context.servicesByCode.values().forEach(s -> byId.put(s.id(), s));
        List<GivenService> given = row.services().stream()
                .map(s -> Map.entry(byId.get(s.serviceId()), s))
                .sorted(Comparator.comparing((Map.Entry<ServiceDefinition, NewService> e) -> e.getKey().sortOrder())
                        .thenComparing(e -> e.getKey().code()))
                .map(e -> new GivenService(e.getKey().id(), e.getKey().code(), e.getKey().name(), e.getKey().unit(),
                        e.getValue().quantity(), e.getValue().result(), e.getValue().linked()))
                .toList();
        return new Encounter(id, row.uuid(), row.organisationId(), row.siteId(), row.hotspot(), row.workerId(),
                row.clientId(), row.anonymous(), row.date(), row.returnedSyringes(), row.returnedWeightGrams(), row.notes(),
                createdAt, given);
    }

    private BatchResult recordBatchOnce(ReachUser actor, EncounterBatch batch) {
        long organisationId = ServiceAccess.requireRecorder(actor, "record encounters");
        List<EncounterForm> forms = batch.encounters();
        Problems problems = new Problems();
        problems.check(!forms.isEmpty(), "encounters", "encounter.error.batchEmpty");
        problems.check(forms.size() <= MAX_BATCH, "encounters", "encounter.error.batchTooLarge", MAX_BATCH);
        for (int i = 0; i < forms.size() && i < MAX_BATCH; i++) {
            problems.check(forms.get(i) != null, "encounters[" + i + "]", "error.required");
        }
        problems.throwIfAny();
        Context context = context(actor, organisationId);
        context.clients.prefetch(forms.stream().map(EncounterForm::clientId).toList());
        List<Prepared> prepared = new ArrayList<>();
        Map<Integer, List<FieldProblem>> invalid = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            Problems own = new Problems();
            prepared.add(prepare(context, forms.get(i), "encounters[" + i + "].", own));
            List<FieldProblem> found = found(own);
            if (!found.isEmpty()) {
                invalid.put(i, found);
            }
        }
        if (!invalid.isEmpty()) {
            Set<Integer> stored = alreadyStored(invalid.keySet().stream().map(prepared::get).toList(), organisationId);
            List<FieldProblem> all = invalid.entrySet().stream().filter(e -> !stored.contains(e.getKey()))
                    .flatMap(e -> e.getValue().stream()).toList();
            if (!all.isEmpty()) {
                throw new InvalidInput(all);
            }
        }
        return store(actor, organisationId, prepared, "encounters[%d].uuid", null);
    }

    /**
     * Of encounters that no longer pass validation (a client died, a service was retired since), those
     * whose uuid is already stored with the same content: a device repeating a submission is answered
     * with the stored encounter rather than refused forever.
     */
    private Set<Integer> alreadyStored(List<Prepared> candidates, long organisationId) {
        List<Prepared> withUuid = candidates.stream()
                .filter(p -> p.row().uuid() != null && UUID_TEXT.matcher(p.row().uuid()).matches()).toList();
        Map<String, Known> known = store.known(organisationId, withUuid.stream().map(p -> p.row().uuid()).collect(Collectors.toSet()));
        Set<Integer> stored = new HashSet<>();
        for (Prepared p : withUuid) {
            Known k = known.get(p.row().uuid());
            if (k != null && k.organisationId() == organisationId && k.fingerprint().equals(p.row().fingerprint())) {
                stored.add(p.index());
            }
        }
        return stored;
    }

    private static List<FieldProblem> found(Problems problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.problems();
        }
    }

    /** Writes prepared encounters, skipping known duplicates; conflicts stop everything. */
    private BatchResult store(ReachUser actor, long organisationId, List<Prepared> prepared, String conflictField,
                              String auditDetail) {
        Map<String, Known> known = store.known(organisationId, prepared.stream().map(p -> p.row().uuid()).collect(Collectors.toSet()));
        List<FieldProblem> conflicts = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<String, String> batchFingerprints = new HashMap<>();
        List<NewEncounter> fresh = new ArrayList<>();
        List<Integer> freshIndexes = new ArrayList<>();
        List<int[]> repeatsInBatch = new ArrayList<>();
        List<BatchResult.Duplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            NewEncounter row = prepared.get(i).row();
            Known earlier = known.get(row.uuid());
            String field = String.format(Locale.ROOT, conflictField, prepared.get(i).index());
            if (earlier != null) {
                if (earlier.organisationId() != organisationId || !earlier.fingerprint().equals(row.fingerprint())) {
                    conflicts.add(FieldProblem.of(field, "encounter.error.uuidConflict"));
                } else {
                    duplicates.add(new BatchResult.Duplicate(prepared.get(i).index(), row.uuid(), earlier.id()));
                }
            } else if (batchFingerprints.containsKey(row.uuid())) {
                if (!batchFingerprints.get(row.uuid()).equals(row.fingerprint())) {
                    conflicts.add(FieldProblem.of(field, "encounter.error.uuidConflict"));
                } else {
                    repeatsInBatch.add(new int[] {prepared.get(i).index(), firstIndex.get(row.uuid())});
                }
            } else {
                batchFingerprints.put(row.uuid(), row.fingerprint());
                firstIndex.put(row.uuid(), fresh.size());
                fresh.add(row);
                freshIndexes.add(prepared.get(i).index());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new EncounterConflict(conflicts);
        }
        List<Long> ids = store.insertAll(fresh, actor.id(), Instant.now(clock));
        for (int[] repeat : repeatsInBatch) {
            duplicates.add(new BatchResult.Duplicate(repeat[0], fresh.get(repeat[1]).uuid(), ids.get(repeat[1])));
        }
        duplicates.sort(Comparator.comparingInt(BatchResult.Duplicate::index));
        if (!fresh.isEmpty()) {
            audit.recordWrite(actor, organisationId, AuditAction.CREATE, "encounter", null,
                    auditDetail != null ? auditDetail : fresh.size() + " encounters in a batch", clientIds(fresh));
        }
        Set<Long> custody = custodySites(actor, organisationId);
        List<ClientContacted> contacts = fresh.stream().filter(row -> row.clientId() != null)
                .map(row -> contactOf(row, custody)).toList();
        clients.recordContacts(actor, organisationId, contacts);
        List<BatchResult.IndexedWarning> warnings = new ArrayList<>();
        for (Prepared p : prepared) {
            p.warnings().forEach(w -> warnings.add(new BatchResult.IndexedWarning(p.index(), w)));
        }
        return new BatchResult(fresh.size(), duplicates, warnings, ids);
    }

    /** One page of the encounters the actor may see, newest first; a period ending before it starts is refused. */
    @Transactional // not read-only: the read is written to the audit log
    public EncounterPage list(ReachUser actor, EncounterFilter filter, int page, int size) {
        long organisationId = ServiceAccess.requireReader(actor, "read encounters");
        Problems problems = new Problems();
        problems.check(page >= 0 && page <= Paging.MAX_PAGE, "page", "error.pageNumber", Paging.MAX_PAGE);
        problems.check(filter.from() == null || filter.to() == null || !filter.from().isAfter(filter.to()), "from",
                "error.periodOrder");
        problems.throwIfAny();
        int boundedSize = Paging.size(size, MAX_PAGE_SIZE);
        boolean all = ServiceAccess.seesAllSites(actor);
        Collection<Long> onlySites = all ? null : actor.siteIds();
        List<Encounter> found = store.search(organisationId, filter.from(), filter.to(), filter.siteId(), filter.clientId(),
                onlySites, actor.id(), Paging.offset(page, boundedSize), boundedSize);
        long total = store.count(organisationId, filter.from(), filter.to(), filter.siteId(), filter.clientId(),
                onlySites, actor.id());
        audit.recordRead(actor, organisationId, "encounter", null, "list page " + page + ": " + found.size() + " of " + total,
                found.stream().map(Encounter::clientId).filter(Objects::nonNull).distinct().toList());
        return new EncounterPage(found, page, boundedSize, total);
    }

    @Transactional // not read-only: the read is written to the audit log
    public Encounter encounter(ReachUser actor, long id) {
        long organisationId = ServiceAccess.requireReader(actor, "read encounter");
        Encounter encounter = store.byId(id).filter(e -> e.organisationId() == organisationId)
                .filter(e -> sees(actor, e)).orElseThrow(() -> new NotFound("encounter", id));
        audit.recordRead(actor, organisationId, "encounter", id, null,
                encounter.clientId() == null ? List.of() : List.of(encounter.clientId()));
        return encounter;
    }

    /**
     * The encounter the actor's organisation stored under a device's uuid, if the actor may see it (a supervisor
     * comparing it with a phone's version); the read is audited like any other.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Optional<Encounter> byUuid(ReachUser actor, String uuid) {
        long organisationId = ServiceAccess.requireReader(actor, "read encounter");
        if (uuid == null || !UUID_TEXT.matcher(uuid.strip()).matches()) {
            return Optional.empty();
        }
        String key = uuid.strip().toLowerCase(Locale.ROOT);
        Known known = store.known(organisationId, List.of(key)).get(key);
        try {
            return known == null ? Optional.empty() : Optional.of(encounter(actor, known.id()));
        } catch (NotFound notVisible) {
            return Optional.empty();
        }
    }

    /** A client's encounters the actor may see, for the client's timeline. */
    @Transactional(readOnly = true)
    public List<Encounter> ofClient(ReachUser actor, Client client) {
        if (!ServiceAccess.mayRead(actor) || !actor.mayReadClientsOf(client.organisationId())) {
            return List.of();
        }
        if (followsClient(actor, client)) {
            return store.search(client.organisationId(), null, null, null, client.id(), null, actor.id(), LIST_LIMIT);
        }
        return search(actor, client.organisationId(), new EncounterFilter(null, null, null, client.id()));
    }

    /**
     * How many of the client's encounters happened at sites this person does not work at, by site name, so a
     * timeline that leaves them out says so. None for those who see every site or follow the client as their peer.
     */
    @Transactional(readOnly = true)
    public Map<String, Integer> elsewhere(ReachUser actor, Client client) {
        if (!ServiceAccess.mayRead(actor) || !actor.mayReadClientsOf(client.organisationId())
                || ServiceAccess.seesAllSites(actor) || followsClient(actor, client)) {
            return Map.of();
        }
        Map<Long, String> names = directory.siteNamesOfOwnOrganisation(actor);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Encounter encounter : store.search(client.organisationId(), null, null, null, client.id(), null, actor.id(),
                LIST_LIMIT)) {
            if (!sees(actor, encounter)) {
                counts.merge(encounter.siteId() == null ? "–" : names.getOrDefault(encounter.siteId(), "#" + encounter.siteId()),
                        1, Integer::sum);
            }
        }
        return counts;
    }

    /** A peer sees the whole timeline of the clients assigned to them, wherever the client was served. */
    private static boolean followsClient(ReachUser actor, Client client) {
        return client.peerEducatorId() != null && client.peerEducatorId() == actor.id();
    }

    /** The client with this code in the actor's organisation, for the quick-entry page's status line. */
    @Transactional // not read-only: the read is written to the audit log
    public Optional<Client> findClient(ReachUser actor, String uic) {
        ServiceAccess.requireRecorder(actor, "look up client");
        return uic == null || uic.isBlank() ? Optional.empty() : clients.session(actor).byUic(uic.strip());
    }

    /** The codes of these clients, for pages that show encounters and referrals; one look-up, one audit entry. */
    @Transactional // not read-only: the read is written to the audit log
    public Map<Long, String> clientCodes(ReachUser actor, Collection<Long> clientIds) {
        ServiceAccess.requireReader(actor, "look up clients");
        return clients.codes(actor, clientIds.stream().filter(Objects::nonNull).distinct().toList());
    }

    /**
     * How much of one service (by code) the encounters of these organisations gave between two dates, inclusive, for
     * capabilities that count it (naloxone kits given against kits used). No actor and no audit entry here: a caller
     * that shows client-level figures records that read itself, one that counts passes only aggregates on.
     */
    @Transactional(readOnly = true)
    public List<QuantityGiven> quantitiesGiven(Collection<Long> organisationIds, String serviceCode, LocalDate from,
                                               LocalDate to) {
        return store.quantitiesGiven(organisationIds, serviceCode, from, to);
    }

    /**
     * Services of these codes given to named clients of the actor's organisation since a day (OAT dispensed, tests
     * and their results), for follow-up lists; one audit entry names the clients it covered.
     */
    @Transactional // not read-only: the read is written to the audit log
    public List<ClientService> servicesGiven(ReachUser actor, Collection<String> codes, LocalDate since) {
        long organisationId = ServiceAccess.requireReader(actor, "read services given");
        List<ClientService> found = store.servicesGiven(organisationId, codes, since);
        audit.recordRead(actor, organisationId, "encounter", null, "services given since " + since + ": " + found.size(),
                found.stream().map(ClientService::clientId).distinct().toList());
        return found;
    }

    /** The sites the actor may record at: every site of the organisation for its managers, else their own. */
    @Transactional(readOnly = true)
    public List<Site> recordingSites(ReachUser actor) {
        if (!ServiceAccess.mayRead(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active).toList();
    }

    private List<Encounter> search(ReachUser actor, long organisationId, EncounterFilter filter) {
        boolean all = ServiceAccess.seesAllSites(actor);
        return store.search(organisationId, filter.from(), filter.to(), filter.siteId(), filter.clientId(),
                all ? null : actor.siteIds(), actor.id(), LIST_LIMIT);
    }

    private static boolean sees(ReachUser actor, Encounter encounter) {
        return ServiceAccess.seesAllSites(actor) || encounter.workerId() == actor.id()
                || (encounter.siteId() != null && actor.isAssignedTo(encounter.siteId()));
    }

    /** The clients these encounters are with (anonymous ones are with nobody). */
    private static List<Long> clientIds(List<NewEncounter> rows) {
        return rows.stream().map(NewEncounter::clientId).filter(Objects::nonNull).distinct().toList();
    }

    /** Moves the client's contact dates; whether the site holds people comes from the sites looked up for validation. */
    private void recordContact(ReachUser actor, NewEncounter row, Context context) {
        if (row.clientId() != null) {
            Site site = row.siteId() == null ? null : context.sites.get(row.siteId());
            Set<Long> custody = site != null && site.type() == SiteType.PRISON_OUTREACH_POINT ? Set.of(site.id()) : Set.of();
            clients.recordContacts(actor, row.organisationId(), List.of(contactOf(row, custody)));
        }
    }

    /** Sites where people are held (prison outreach points): care there does not end a detention. */
    private Set<Long> custodySites(ReachUser actor, long organisationId) {
        return directory.sites(actor, organisationId).stream()
                .filter(site -> site.type() == SiteType.PRISON_OUTREACH_POINT).map(Site::id).collect(Collectors.toSet());
    }

    private static ClientContacted contactOf(NewEncounter row, Set<Long> custodySites) {
        return new ClientContacted(row.clientId(), row.organisationId(), row.date(),
                row.siteId() != null && custodySites.contains(row.siteId()));
    }

    // ---- import support (same validation, rows grouped into encounters by the importer)

    /** Validates forms built from an import; problems come back per form index rather than thrown. */
    Map<Integer, List<FieldProblem>> validateForImport(ReachUser actor, List<EncounterForm> forms, List<Prepared> out) {
        long organisationId = ServiceAccess.requireRecorder(actor, "import encounters");
        Context context = context(actor, organisationId);
        Map<Integer, List<FieldProblem>> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            Problems problems = new Problems();
            Prepared prepared = prepare(context, forms.get(i), "", problems);
            try {
                problems.throwIfAny();
                out.add(new Prepared(i, prepared.row(), prepared.warnings()));
            } catch (InvalidInput invalid) {
                byIndex.put(i, invalid.problems());
            }
        }
        return byIndex;
    }

    BatchResult storeImported(ReachUser actor, List<Prepared> prepared) {
        return store(actor, actor.organisationId(), prepared, "%d", prepared.size() + " encounters imported");
    }

    Context contextFor(ReachUser actor) {
        return context(actor, ServiceAccess.requireRecorder(actor, "import encounters"));
    }

    // ---- validation

    record Prepared(int index, NewEncounter row, List<NoteWarning> warnings) {
    }

    /** What validating one piece of work needs, looked up once: services, sites, clients, the weight factor. */
    static final class Context {
        final ReachUser actor;
        final long organisationId;
        final Map<String, ServiceDefinition> servicesByCode;
        final Map<Long, Site> sites;
        final ClientLookup.Session clients;
        final double syringesPerKg;
        final LocalDate today;
        int counter;

        Context(ReachUser actor, long organisationId, Map<String, ServiceDefinition> servicesByCode, Map<Long, Site> sites,
                ClientLookup.Session clients, double syringesPerKg, LocalDate today) {
            this.actor = actor;
            this.organisationId = organisationId;
            this.servicesByCode = servicesByCode;
            this.sites = sites;
            this.clients = clients;
            this.syringesPerKg = syringesPerKg;
            this.today = today;
        }

        Optional<Site> siteNamed(String text) {
            return sites.values().stream().filter(s -> s.name().equalsIgnoreCase(text) || String.valueOf(s.id()).equals(text))
                    .findFirst();
        }

        Optional<Client> clientByUic(String uic) {
            return clients.byUic(uic);
        }
    }

    private Context context(ReachUser actor, long organisationId) {
        Map<String, ServiceDefinition> byCode = new HashMap<>();
        services.visibleTo(organisationId).forEach(s -> byCode.put(s.code(), s));
        Map<Long, Site> sites = new HashMap<>();
        (actor.isMemberOf(organisationId) ? directory.ownSites(actor) : directory.sites(actor, organisationId)).stream()
                .filter(Site::active).forEach(s -> sites.put(s.id(), s));
        return new Context(actor, organisationId, byCode, sites, clients.session(actor),
                services.syringesPerKg(organisationId, ServiceSettings.DEFAULT_SYRINGES_PER_KG), LocalDate.now(clock));
    }

    private Prepared prepare(Context context, EncounterForm form, String prefix, Problems problems) {
        int index = context.counter++;
        String uuid = form.uuid() == null ? null : form.uuid().strip().toLowerCase(Locale.ROOT);
        if (uuid == null || uuid.isEmpty()) {
            problems.add(prefix + "uuid", "error.required");
        } else if (!UUID_TEXT.matcher(uuid).matches()) {
            problems.add(prefix + "uuid", "encounter.error.uuid");
        }
        if (form.date() == null) {
            problems.add(prefix + "date", "error.required");
        } else {
            problems.check(!form.date().isAfter(context.today), prefix + "date", "encounter.error.futureDate");
        }
        String hotspot = blankToNull(form.hotspot());
        if (form.siteId() != null) {
            problems.check(context.sites.containsKey(form.siteId()), prefix + "siteId", "encounter.error.site");
        } else if (hotspot == null) {
            problems.add(prefix + "siteId", "encounter.error.place");
        }
        problems.check(hotspot == null || hotspot.length() <= 200, prefix + "hotspot", "error.tooLong", 200);

        Long clientId = null;
        String uic = blankToNull(form.clientUic());
        if (form.isAnonymous()) {
            problems.check(form.clientId() == null && uic == null, prefix + "clientId", "encounter.error.anonymousWithClient");
        } else if (form.clientId() == null && uic == null) {
            problems.add(prefix + "clientId", "encounter.error.clientRequired");
        } else {
            String field = form.clientId() != null ? prefix + "clientId" : prefix + "clientUic";
            Optional<Client> client = form.clientId() != null ? context.clients.byId(form.clientId())
                    : context.clients.byUic(uic);
            if (client.isEmpty()) {
                problems.add(field, form.clientId() != null ? "encounter.error.unknownClient"
                        : context.clients.whyNotFound(uic, "encounter.error.unknownClient"));
            } else {
                problems.check(!client.get().isDeceased(), field, "encounter.error.deceased");
                clientId = client.get().id();
            }
        }

        List<NewService> given = new ArrayList<>();
        if (form.services().isEmpty()) {
            problems.add(prefix + "services", "encounter.error.noServices");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.services().size(); i++) {
            ServiceLine line = form.services().get(i);
            String field = prefix + "services[" + i + "].";
            if (line == null) {
                problems.add(field + "code", "error.required");
                continue;
            }
            String code = line.code() == null ? "" : line.code().strip().toUpperCase(Locale.ROOT);
            ServiceDefinition service = context.servicesByCode.get(code);
            if (code.isEmpty()) {
                problems.add(field + "code", "error.required");
            } else if (service == null) {
                problems.add(field + "code", "encounter.error.unknownService", code);
            } else if (!service.active()) {
                problems.add(field + "code", "encounter.error.retiredService", code);
            } else if (!seen.add(code)) {
                problems.add(field + "code", "encounter.error.duplicateService", code);
            }
            int quantity = line.quantity() == null ? 1 : line.quantity();
            if (quantity < 0) {
                problems.add(field + "quantity", "encounter.error.negativeQuantity");
            } else if (quantity == 0) {
                problems.add(field + "quantity", "encounter.error.zeroQuantity");
            } else if (service != null && (service.unit() == ServiceUnit.YES_NO || service.unit() == ServiceUnit.RESULT)) {
                problems.check(quantity == 1, field + "quantity", "encounter.error.quantityOne");
            } else {
                problems.check(quantity <= MAX_QUANTITY, field + "quantity", "encounter.error.quantityTooLarge", MAX_QUANTITY);
            }
            TestResult result = null;
            Boolean linked = null;
            if (service != null && service.unit() == ServiceUnit.RESULT) {
                problems.check(line.result() != null, field + "result", "encounter.error.resultRequired");
                result = line.result();
                linked = Boolean.TRUE.equals(line.linked());
            } else if (service != null) {
                problems.check(line.result() == null, field + "result", "encounter.error.resultNotApplicable");
            }
            if (service != null) {
                given.add(new NewService(service.id(), quantity, result, linked));
            }
        }

        Integer returned = form.returnedSyringes();
        Integer weight = form.returnedWeightGrams();
        problems.check(returned == null || returned >= 0, prefix + "returnedSyringes", "encounter.error.negativeQuantity");
        problems.check(weight == null || weight >= 0, prefix + "returnedWeightGrams", "encounter.error.negativeQuantity");
        problems.check(returned == null || returned <= MAX_QUANTITY, prefix + "returnedSyringes",
                "encounter.error.quantityTooLarge", MAX_QUANTITY);
        problems.check(weight == null || weight <= MAX_RETURNED_GRAMS, prefix + "returnedWeightGrams",
                "encounter.error.quantityTooLarge", MAX_RETURNED_GRAMS);
        if (returned == null && weight != null && weight >= 0) {
            returned = syringesFromWeight(weight, context.syringesPerKg);
        }
        String notes = blankToNull(form.notes());
        problems.check(notes == null || notes.length() <= 1000, prefix + "notes", "error.tooLong", 1000);

        given.sort(Comparator.comparingLong(NewService::serviceId));
        NewEncounter row = new NewEncounter(uuid, context.organisationId, form.siteId(), hotspot, context.actor.id(), clientId,
                form.isAnonymous(), form.date(), returned, weight, notes, null, given);
        row = new NewEncounter(row.uuid(), row.organisationId(), row.siteId(), row.hotspot(), row.workerId(), row.clientId(),
                row.anonymous(), row.date(), row.returnedSyringes(), row.returnedWeightGrams(), row.notes(), fingerprint(row),
                row.services());
        return new Prepared(index, row, NoteScreen.warnings(notes));
    }

    /** Returned syringes estimated from the weight of a sharps container, rounded to whole syringes. */
    public static int syringesFromWeight(int grams, double syringesPerKg) {
        return (int) Math.round(grams / 1000.0 * syringesPerKg);
    }

    private static String fingerprint(NewEncounter row) {
        String canonical = String.join("|", String.valueOf(row.date()), String.valueOf(row.siteId()),
                String.valueOf(row.hotspot()), String.valueOf(row.clientId()), String.valueOf(row.anonymous()),
                String.valueOf(row.returnedSyringes()), String.valueOf(row.returnedWeightGrams()), String.valueOf(row.notes()),
                row.services().stream().map(s -> s.serviceId() + ":" + s.quantity() + ":" + s.result() + ":" + s.linked())
                        .collect(Collectors.joining(",")));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
