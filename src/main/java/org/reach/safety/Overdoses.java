package org.reach.safety;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.Clients;
import org.reach.clients.Gender;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.IdentifyingText;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rar.Assessment;
import org.reach.rar.Hotspot;
import org.reach.rar.RapidAssessments;
import org.reach.safety.store.OverdoseStore;
import org.reach.safety.store.OverdoseStore.NewReport;
import org.reach.safety.store.OverdoseStore.Visibility;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdose reports: recorded in seconds by peers, outreach workers and managers, read by them and the M&amp;E officer,
 * followed up within 72 hours, and watched for clusters. Everything is checked before anything is written; a uuid
 * already stored with the same content is answered with the stored report, with other content it is a conflict.
 * Every read and write of reports is in the audit log with the clients it names.
 */
@Service
@Transactional
public class Overdoses {

    public static final String ENTITY = "overdose_report";
    /** Ten doses is already far more than any reversal needs; twenty leaves room for several responders. */
    public static final int MAX_DOSES = 20;
    public static final int MAX_NOTES = 500;
    public static final int MAX_HOTSPOT = 200;
    /** A GPS fix worse than 10 km says nothing about the place. */
    public static final double MAX_ACCURACY_METRES = 10_000;
    /** A device's clock may run up to 14 hours ahead of the server's (the widest time-zone difference). */
    static final long FUTURE_HOURS = 14;
    /** Reports are made the same day or soon after; two years back is a typing error. */
    static final long OLDEST_DAYS = 731;
    public static final int MAX_PAGE_SIZE = 100;
    /** Clusters are looked for among the last ten days and shown while their last overdose is at most a week old. */
    static final int CLUSTER_LOOKBACK_DAYS = 10;
    static final int CLUSTER_SHOWN_DAYS = 7;
    private static final int MAX_ATTEMPTS = 3;
    private static final int FOLLOW_UP_LIST = 200;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final OverdoseStore store;
    private final OrganisationDirectory directory;
    private final Clients clients;
    private final RapidAssessments rar;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Overdoses(OverdoseStore store, OrganisationDirectory directory, Clients clients, RapidAssessments rar,
              AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.directory = directory;
        this.clients = clients;
        this.rar = rar;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public boolean mayRecord(ReachUser actor) {
        return SafetyAccess.mayRecord(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return SafetyAccess.mayRead(actor);
    }

    /** Whether the person sees clusters, deaths and every peer's figures (the safety page's manager part). */
    public boolean mayManage(ReachUser actor) {
        return SafetyAccess.mayManage(actor);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    // ---- recording

    /** One report: stored and created, or the earlier one when the same uuid came with the same content. */
    @Transactional(propagation = Propagation.SUPPORTS) // each attempt is its own transaction
    public RecordedOverdose record(ReachUser actor, OverdoseForm form) {
        return retryingARace(() -> recordOnce(actor, form));
    }

    /** A device repeating a submission while the first is being written finds the first one on a fresh attempt. */
    private <T> T retryingARace(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write.get();
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

    private RecordedOverdose recordOnce(ReachUser actor, OverdoseForm form) {
        long organisationId = SafetyAccess.requireRecorder(actor, "report overdose");
        NewReport row = prepare(actor, organisationId, form);
        Optional<OverdoseStore.Known> known = store.known(organisationId, row.uuid());
        if (known.isPresent()) {
            if (!known.get().fingerprint().equals(row.fingerprint())) {
                throw new OverdoseConflict(row.uuid());
            }
            return new RecordedOverdose(store.byId(organisationId, known.get().id()).orElseThrow(), false);
        }
        long id = store.insert(row, actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, ENTITY, id, null,
                clientIds(Stream.of(row.clientId(), row.kitHolderClientId())));
        return new RecordedOverdose(store.byId(organisationId, id).orElseThrow(), true);
    }

    private NewReport prepare(ReachUser actor, long organisationId, OverdoseForm form) {
        Problems problems = new Problems();
        String uuid = form.uuid() == null ? null : form.uuid().strip().toLowerCase(Locale.ROOT);
        if (uuid == null || uuid.isEmpty()) {
            problems.add("uuid", "error.required");
        } else {
            problems.check(UUID_TEXT.matcher(uuid).matches(), "uuid", "safety.error.uuid");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime at = form.occurredAt() == null ? null : form.occurredAt().truncatedTo(ChronoUnit.MINUTES);
        if (at == null) {
            problems.add("occurredAt", "error.required");
        } else if (at.isAfter(now.plusHours(FUTURE_HOURS))) {
            problems.add("occurredAt", "safety.error.future");
        } else {
            problems.check(!at.isBefore(now.minusDays(OLDEST_DAYS)), "occurredAt", "safety.error.tooOld");
        }

        // place: a site of the organisation the person works at, a known hotspot, or a point
        if (form.siteId() != null) {
            problems.check(recordingSites(actor).stream().anyMatch(s -> s.id() == form.siteId()), "siteId",
                    "safety.error.site");
        }
        String typed = Codes.clean(form.hotspot());
        String hotspot = typed;
        if (typed != null) {
            Optional<String> known = hotspotNames(actor).stream()
                    .filter(name -> Clusters.normalise(name).equals(Clusters.normalise(typed))).findFirst();
            if (typed.length() > MAX_HOTSPOT || known.isEmpty()) {
                problems.add("hotspot", "safety.error.hotspot");
            } else {
                hotspot = known.get();
            }
        }
        Double lat = form.latitude();
        Double lon = form.longitude();
        Double accuracy = form.gpsAccuracy();
        if (lat != null || lon != null) {
            problems.check(lat != null && lat >= -90 && lat <= 90, "latitude", "safety.error.latitude");
            problems.check(lon != null && lon >= -180 && lon <= 180, "longitude", "safety.error.longitude");
            problems.check(accuracy != null, "gpsAccuracy", "error.required");
        }
        if (accuracy != null) {
            problems.check(lat != null && lon != null, "gpsAccuracy", "safety.error.accuracyWithoutPoint");
            problems.check(accuracy > 0 && accuracy <= MAX_ACCURACY_METRES, "gpsAccuracy", "safety.error.accuracy",
                    (int) MAX_ACCURACY_METRES);
        }
        if (form.siteId() == null && hotspot == null && lat == null && lon == null) {
            problems.add("siteId", "safety.error.place");
        }

        // the person: a client of the organisation, or anonymous with sex and age band
        Long clientId = null;
        Gender sex = null;
        AgeBand ageBand = null;
        String code = Codes.clean(form.clientCode());
        if (form.clientId() != null || code != null) {
            String field = form.clientId() != null ? "clientId" : "clientCode";
            Optional<Client> client = client(actor, form.clientId(), code);
            if (client.isEmpty()) {
                problems.add(field, form.clientId() != null ? "safety.error.unknownClient"
                        : clients.whyNoClientHasCode(actor, code, "safety.error.unknownClient"));
            } else {
                clientId = client.get().id();
            }
        } else {
            sex = Codes.one(Gender.class, form.sex(), "sex", problems, false);
            ageBand = Codes.one(AgeBand.class, form.ageBand(), "ageBand", problems, false);
        }

        Set<Substance> substances = Codes.many(Substance.class, form.substances(), "substances", problems);
        Set<Sign> signs = Codes.many(Sign.class, form.signs(), "signs", problems);
        Set<Response> responses = Codes.many(Response.class, form.responses(), "responses", problems);
        Set<NaloxoneGiver> givers = Codes.many(NaloxoneGiver.class, form.naloxoneGivers(), "naloxoneGivers", problems);
        Integer doses = form.naloxoneDoses();
        if (doses == null) {
            problems.add("naloxoneDoses", "error.required");
        } else if (doses < 0 || doses > MAX_DOSES) {
            problems.add("naloxoneDoses", "safety.error.doses", MAX_DOSES);
        } else if (doses > 0) {
            problems.check(!givers.isEmpty() || problems.has("naloxoneGivers"), "naloxoneGivers",
                    "safety.error.giverRequired");
        } else {
            problems.check(givers.isEmpty(), "naloxoneGivers", "safety.error.noDoses");
        }
        boolean byPeerOrBystander = givers.contains(NaloxoneGiver.PEER) || givers.contains(NaloxoneGiver.BYSTANDER);
        boolean fromKit = doses != null && doses > 0 && byPeerOrBystander
                && (form.naloxoneFromKit() == null || form.naloxoneFromKit());
        Long kitHolder = null;
        String holderCode = Codes.clean(form.kitHolderCode());
        if (holderCode != null) {
            Optional<Client> holder = client(actor, null, holderCode);
            if (!fromKit) {
                problems.add("kitHolderCode", "safety.error.noKit");
            } else if (holder.isEmpty()) {
                problems.add("kitHolderCode", clients.whyNoClientHasCode(actor, holderCode, "safety.error.unknownClient"));
            } else {
                kitHolder = holder.get().id();
            }
        }
        Outcome outcome = Codes.one(Outcome.class, form.outcome(), "outcome", problems, true);
        String notes = Codes.clean(form.notes());
        if (notes != null) {
            problems.check(notes.length() <= MAX_NOTES, "notes", "error.tooLong", MAX_NOTES);
            problems.check(!IdentifyingText.looksIdentifying(notes), "notes", "safety.error.identifying");
        }
        problems.throwIfAny();

        NewReport row = new NewReport(uuid, organisationId, at, form.siteId(), hotspot, lat, lon, accuracy, clientId, sex,
                ageBand, substances, signs, doses, givers, fromKit, kitHolder, responses, outcome, notes, null);
        return new NewReport(row.uuid(), row.organisationId(), row.occurredAt(), row.siteId(), row.hotspot(),
                row.latitude(), row.longitude(), row.gpsAccuracy(), row.clientId(), row.sex(), row.ageBand(),
                row.substances(), row.signs(), row.naloxoneDoses(), row.givers(), row.fromKit(), row.kitHolderClientId(),
                row.responses(), row.outcome(), row.notes(), fingerprint(row));
    }

    private Optional<Client> client(ReachUser actor, Long id, String code) {
        try {
            Optional<Client> found = id != null ? Optional.of(clients.client(actor, id)) : clients.findByUic(actor, code);
            return found.filter(c -> actor.isMemberOf(c.organisationId()));
        } catch (NotFound notFound) {
            return Optional.empty();
        }
    }

    private static String fingerprint(NewReport r) {
        String canonical = Stream.of(r.occurredAt(), r.siteId(), r.hotspot(), r.latitude(), r.longitude(),
                        r.gpsAccuracy(), r.clientId(), r.sex(), r.ageBand(), Codes.names(r.substances()),
                        Codes.names(r.signs()), r.naloxoneDoses(), Codes.names(r.givers()), r.fromKit(),
                        r.kitHolderClientId(), Codes.names(r.responses()), r.outcome(), r.notes())
                .map(String::valueOf).collect(Collectors.joining("|"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // ---- follow-up

    /** The contact within 72 hours, recorded later on the report; a correction replaces it (both are audited). */
    public OverdoseReport recordFollowUp(ReachUser actor, long id, FollowUpForm form) {
        long organisationId = SafetyAccess.requireRecorder(actor, "record overdose follow-up");
        OverdoseReport report = visible(actor, id);
        Problems problems = new Problems();
        problems.check(report.outcome() != Outcome.DIED, "result", "safety.error.followUpAfterDeath");
        if (form.date() == null) {
            problems.add("date", "error.required");
        } else {
            problems.check(!form.date().isAfter(LocalDateTime.now(clock).plusHours(FUTURE_HOURS).toLocalDate()), "date",
                    "safety.error.future");
            problems.check(!form.date().isBefore(report.occurredAt().toLocalDate()), "date",
                    "safety.error.followUpBeforeOverdose");
        }
        FollowUpResult result = Codes.one(FollowUpResult.class, form.result(), "result", problems, true);
        problems.throwIfAny();
        store.setFollowUp(id, form.date(), result, actor.id(), Instant.now(clock));
        audit.recordWrite(actor, organisationId, AuditAction.UPDATE, ENTITY, id, "follow-up " + result,
                clientIds(Stream.of(report.clientId())));
        return store.byId(organisationId, id).orElseThrow();
    }

    // ---- reading

    /** One report the person may see; another organisation's, or one they may not see, is not found. */
    @Transactional // not read-only: the read is written to the audit log
    public OverdoseReport report(ReachUser actor, long id) {
        long organisationId = SafetyAccess.requireReader(actor, "read overdose report");
        OverdoseReport report = visible(actor, id);
        audit.recordRead(actor, organisationId, ENTITY, id, null,
                clientIds(Stream.of(report.clientId(), report.kitHolderClientId())));
        return report;
    }

    /**
     * The report the actor's organisation stored under a device's uuid, if the actor may see it (a supervisor
     * comparing it with a phone's version); the read is audited like any other.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Optional<OverdoseReport> byUuid(ReachUser actor, String uuid) {
        long organisationId = SafetyAccess.requireReader(actor, "read overdose report");
        if (uuid == null || !UUID_TEXT.matcher(uuid.strip()).matches()) {
            return Optional.empty();
        }
        try {
            return store.known(organisationId, uuid.strip().toLowerCase(Locale.ROOT))
                    .map(known -> report(actor, known.id()));
        } catch (NotFound notVisible) {
            return Optional.empty();
        }
    }

    private OverdoseReport visible(ReachUser actor, long id) {
        OverdoseReport report = store.byId(actor.organisationId(), id).orElseThrow(() -> new NotFound(ENTITY, id));
        if (!sees(actor, report)) {
            throw new NotFound(ENTITY, id);
        }
        return report;
    }

    private static boolean sees(ReachUser actor, OverdoseReport report) {
        return SafetyAccess.seesWholeOrganisation(actor) || report.reportedBy() == actor.id()
                || (report.siteId() != null && actor.isAssignedTo(report.siteId()));
    }

    private static Visibility visibility(ReachUser actor) {
        return SafetyAccess.seesWholeOrganisation(actor) ? Visibility.all(actor.organisationId())
                : new Visibility(actor.organisationId(), actor.siteIds(), actor.id());
    }

    /** The reports the person may see, newest first; one audit entry names the clients on the page. */
    @Transactional
    public OverdosePage list(ReachUser actor, int page, int size) {
        long organisationId = SafetyAccess.requireReader(actor, "list overdose reports");
        int number = Paging.page(page);
        int pageSize = Paging.size(size, MAX_PAGE_SIZE);
        Visibility v = visibility(actor);
        List<OverdoseReport> reports = store.page(v, null, Paging.offset(number, pageSize), pageSize);
        audit.recordRead(actor, organisationId, ENTITY, null, "list page " + number, clientIds(reports));
        return new OverdosePage(reports, number, pageSize, store.count(v, null));
    }

    /** Reports of people who lived and were not yet contacted, oldest first. */
    @Transactional
    public List<OverdoseReport> awaitingFollowUp(ReachUser actor) {
        long organisationId = SafetyAccess.requireReader(actor, "list overdose follow-ups");
        List<OverdoseReport> reports = store.awaitingFollowUp(visibility(actor), FOLLOW_UP_LIST);
        audit.recordRead(actor, organisationId, ENTITY, null, "awaiting follow-up", clientIds(reports));
        return reports;
    }

    /** How many of the reports the person sees await follow-up: a count, no client data. */
    @Transactional
    public long awaitingFollowUpCount(ReachUser actor) {
        return mayRead(actor) ? store.countAwaitingFollowUp(visibility(actor), null) : 0;
    }

    /** Of those, the reports of the last week: the ones a contact can still follow (the start page's reminder). */
    @Transactional
    public long recentlyAwaitingFollowUpCount(ReachUser actor) {
        return mayRead(actor) ? store.countAwaitingFollowUp(visibility(actor),
                LocalDateTime.now(clock).minusDays(CLUSTER_SHOWN_DAYS)) : 0;
    }

    /** The overdoses of one client (as the person or as the owner of the kit used); audited. */
    @Transactional
    public List<OverdoseReport> ofClient(ReachUser actor, Client client) {
        long organisationId = SafetyAccess.requireReader(actor, "read overdose reports of client");
        if (!actor.isMemberOf(client.organisationId())) {
            throw new NotFound("client", client.id());
        }
        List<OverdoseReport> reports = store.ofClient(organisationId, client.id()).stream()
                .filter(r -> sees(actor, r)).toList();
        if (!reports.isEmpty()) {
            audit.recordRead(actor, organisationId, ENTITY, null, "overdoses of client", List.of(client.id()));
        }
        return reports;
    }

    // ---- clusters

    /**
     * Clusters of the last days the person must hear of: all of the organisation's for its manager and M&amp;E
     * officer, those touching their sites for a site manager, none for others. No client data: places and times.
     */
    @Transactional
    public List<OverdoseCluster> clusters(ReachUser actor) {
        if (!mayManage(actor)) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<OverdoseCluster> found = Clusters.find(store.since(actor.organisationId(),
                now.minusDays(CLUSTER_LOOKBACK_DAYS)));
        return found.stream().filter(c -> !c.last().isBefore(now.minusDays(CLUSTER_SHOWN_DAYS)))
                .filter(c -> SafetyAccess.seesWholeOrganisation(actor)
                        || c.siteIds().stream().anyMatch(actor::isAssignedTo)
                        || (c.siteId() != null && actor.isAssignedTo(c.siteId())))
                .toList();
    }

    // ---- what the form offers

    /** The sites the person may report at: every active site of the organisation for its managers, else their own. */
    @Transactional
    public List<Site> recordingSites(ReachUser actor) {
        if (!mayRead(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active).toList();
    }

    /** Names of all sites of the person's organisation, for showing where a report was made. */
    @Transactional
    public Map<Long, String> siteNames(ReachUser actor) {
        return directory.siteNamesOfOwnOrganisation(actor);
    }

    /** The hotspots of the organisation's rapid assessments, by name (the same place in two assessments once). */
    @Transactional
    public List<String> hotspotNames(ReachUser actor) {
        if (actor.organisationId() == null || !rar.mayRead(actor, actor.organisationId())) {
            return List.of();
        }
        Set<String> seen = new TreeSet<>();
        List<String> names = new ArrayList<>();
        for (Assessment assessment : rar.assessments(actor)) {
            if (assessment.organisationId() != actor.organisationId()) {
                continue;
            }
            for (Hotspot hotspot : rar.hotspots(actor, assessment.id())) {
                if (seen.add(Clusters.normalise(hotspot.name()))) {
                    names.add(hotspot.name());
                }
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** The codes of these clients of the person's organisation; one look-up, audited by the registry. */
    @Transactional
    public Map<Long, String> clientCodes(ReachUser actor, Collection<Long> clientIds) {
        SafetyAccess.requireReader(actor, "look up clients");
        List<Long> ids = clientIds.stream().filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : clients.codes(actor, ids);
    }

    static List<Long> clientIds(Stream<Long> ids) {
        return ids.filter(Objects::nonNull).distinct().toList();
    }

    static List<Long> clientIds(List<OverdoseReport> reports) {
        Set<Long> ids = new LinkedHashSet<>();
        for (OverdoseReport r : reports) {
            if (r.clientId() != null) {
                ids.add(r.clientId());
            }
            if (r.kitHolderClientId() != null) {
                ids.add(r.kitHolderClientId());
            }
        }
        return List.copyOf(ids);
    }
}
