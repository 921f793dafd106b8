package org.reach.outreach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientRegistry;
import org.reach.clients.Clients;
import org.reach.clients.PeerEducator;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.outreach.store.SessionStore;
import org.reach.outreach.store.SessionStore.Known;
import org.reach.outreach.store.SessionStore.NewSession;
import org.reach.platform.FieldProblem;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Paging;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rar.Hotspot;
import org.reach.rar.RapidAssessments;
import org.reach.services.BatchResult;
import org.reach.services.EncounterBatch;
import org.reach.services.EncounterConflict;
import org.reach.services.EncounterForm;
import org.reach.services.Encounters;
import org.reach.services.ServiceLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records outreach sessions one at a time or as a device's batch. Everything is checked before anything is kept:
 * the session's own fields here, the known clients' services by the services capability, which records them as
 * encounters in the same transaction, so a refused session leaves neither a session nor an encounter. A uuid
 * already stored with the same content is answered with the stored session; with other content it is a conflict.
 */
@Service
@Transactional
public class OutreachSessions {

    public static final int MAX_BATCH = 100;
    /** More people than a team meets at one hotspot in one session is a typing error that would swell the counts. */
    public static final int MAX_PEOPLE = 1_000;
    public static final int MAX_QUANTITY = Encounters.MAX_QUANTITY;
    public static final int MAX_RETURNED_GRAMS = Encounters.MAX_RETURNED_GRAMS;
    public static final int MAX_KNOWN_CLIENTS = 200;
    public static final int MAX_PEERS = 20;
    public static final int MAX_REFERRALS = 1_000;
    public static final int MAX_INCIDENTS = 100;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ENCOUNTER_FIELD = Pattern.compile("encounters\\[(\\d+)]\\.?(.*)");

    private final SessionStore store;
    private final Encounters encounters;
    private final Clients clients;
    private final ClientRegistry registry;
    private final OrganisationDirectory directory;
    private final RapidAssessments rar;
    private final AuditTrail audit;
    private final Clock clock;

    OutreachSessions(SessionStore store, Encounters encounters, Clients clients, ClientRegistry registry,
                     OrganisationDirectory directory, RapidAssessments rar, AuditTrail audit, Clock clock) {
        this.store = store;
        this.encounters = encounters;
        this.clients = clients;
        this.registry = registry;
        this.directory = directory;
        this.rar = rar;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayRecord(ReachUser actor) {
        return OutreachAccess.mayRecord(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return OutreachAccess.mayRead(actor);
    }

    /** One session: stored and created, or the stored one when the same uuid came with the same content. */
    public RecordedSession record(ReachUser actor, OutreachSessionForm form) {
        long organisationId = OutreachAccess.require(mayRecord(actor), actor, "record outreach session");
        Context context = context(actor, organisationId);
        List<FieldProblem> problems = new ArrayList<>();
        Long id = recordOne(context, form, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new RecordedSession(store.byId(Math.abs(id)).orElseThrow(), id > 0);
    }

    /** Up to 100 sessions: all valid and stored, or none stored and every problem named by index. */
    public SessionBatchResult recordBatch(ReachUser actor, SessionBatch batch) {
        long organisationId = OutreachAccess.require(mayRecord(actor), actor, "record outreach sessions");
        List<OutreachSessionForm> forms = batch.sessions();
        Problems problems = new Problems();
        problems.check(!forms.isEmpty(), "sessions", "outreach.error.batchEmpty");
        problems.check(forms.size() <= MAX_BATCH, "sessions", "outreach.error.batchTooLarge", MAX_BATCH);
        for (int i = 0; i < forms.size() && i < MAX_BATCH; i++) {
            problems.check(forms.get(i) != null, "sessions[" + i + "]", "error.required");
        }
        problems.throwIfAny();
        Context context = context(actor, organisationId);
        List<FieldProblem> found = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            String uuid = normalUuid(forms.get(i).uuid());
            if (uuid != null && !seen.add(uuid)) {
                // the same session twice in one batch: kept once, the second answered like any repeat
                ids.add(null);
                continue;
            }
            ids.add(recordOne(context, forms.get(i), "sessions[" + i + "].", found));
        }
        if (!found.isEmpty()) {
            throw new InvalidInput(found); // rolls back every session and encounter of the batch
        }
        Map<String, Long> byUuid = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            if (ids.get(i) != null) {
                byUuid.put(normalUuid(forms.get(i).uuid()), Math.abs(ids.get(i)));
            }
        }
        List<Long> stored = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < forms.size(); i++) {
            Long id = ids.get(i);
            created += id != null && id > 0 ? 1 : 0;
            stored.add(id != null ? Math.abs(id) : byUuid.get(normalUuid(forms.get(i).uuid())));
        }
        return new SessionBatchResult(created, forms.size() - created, stored);
    }

    /**
     * Checks and stores one session; answers its id, negative when it was stored before. Problems go into
     * {@code problems} with the prefix; on a problem nothing is stored by this session (its encounters included:
     * the caller throws, which rolls back the transaction).
     */
    private Long recordOne(Context context, OutreachSessionForm form, String prefix, List<FieldProblem> problems) {
        String uuid = normalUuid(form.uuid());
        String fingerprint = fingerprint(form);
        if (uuid != null && UUID_TEXT.matcher(uuid).matches()) {
            Known known = store.known(context.organisationId, List.of(uuid)).get(uuid);
            if (known != null) {
                if (!known.fingerprint().equals(fingerprint)) {
                    throw new SessionConflict(List.of(FieldProblem.of(prefix + "uuid", "outreach.error.uuidConflict")));
                }
                return -known.id();
            }
        }
        Problems own = new Problems();
        NewSession session = prepare(context, form, uuid, fingerprint, prefix, own);
        List<ServedClient> served = servedClients(context, form, uuid, prefix, own);
        List<FieldProblem> ownProblems = problemsOf(own);
        List<FieldProblem> encounterProblems = new ArrayList<>();
        List<OutreachSession.Served> links = List.of();
        if (!served.isEmpty() && session != null) {
            try {
                BatchResult result = encounters.recordBatch(context.actor, new EncounterBatch(served.stream()
                        .map(s -> new EncounterForm(s.encounterUuid, session.date(), session.siteId(), session.hotspotName(),
                                s.clientId, null, false, s.services, null, null, null)).toList()));
                links = links(served, result);
            } catch (InvalidInput invalid) {
                invalid.problems().forEach(p -> encounterProblems.add(renamed(p, prefix)));
            } catch (EncounterConflict conflict) {
                conflict.problems().forEach(p -> encounterProblems.add(renamed(p, prefix)));
            }
        }
        if (!ownProblems.isEmpty() || !encounterProblems.isEmpty()) {
            problems.addAll(ownProblems);
            problems.addAll(encounterProblems);
            return 0L;
        }
        long id = store.insert(session, context.actor.id(), Instant.now(clock));
        store.link(id, links);
        audit.recordWrite(context.actor, context.organisationId, AuditAction.CREATE, "outreach_session", id, null,
                links.stream().map(OutreachSession.Served::clientId).distinct().toList());
        return id;
    }

    private record ServedClient(int index, String encounterUuid, long clientId, List<ServiceLine> services) {
    }

    /** The known clients by code, each with a uuid for its encounter; unknown codes are problems. */
    private List<ServedClient> servedClients(Context context, OutreachSessionForm form, String sessionUuid, String prefix,
                                             Problems problems) {
        List<KnownClient> known = form.knownClients();
        problems.check(known.size() <= MAX_KNOWN_CLIENTS, prefix + "knownClients", "outreach.error.tooMany",
                MAX_KNOWN_CLIENTS);
        List<ServedClient> served = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < known.size() && i < MAX_KNOWN_CLIENTS; i++) {
            KnownClient k = known.get(i);
            String field = prefix + "knownClients[" + i + "].";
            String code = k == null ? null : blankToNull(k.clientCode());
            if (code == null) {
                problems.add(field + "clientCode", "error.required");
                continue;
            }
            Optional<Client> client = code.length() > 40 ? Optional.empty() : clients.findByUic(context.actor, code);
            if (client.isEmpty()) {
                problems.add(field + "clientCode", clients.whyNoClientHasCode(context.actor, code,
                        "encounter.error.unknownClient"));
                continue;
            }
            if (!seen.add(client.get().id())) {
                problems.add(field + "clientCode", "outreach.error.clientTwice");
                continue;
            }
            String encounterUuid = blankToNull(k.encounterUuid()) != null ? k.encounterUuid().strip().toLowerCase(Locale.ROOT)
                    : sessionUuid == null ? null
                    : UUID.nameUUIDFromBytes((sessionUuid + "/" + i + "/" + client.get().id()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            served.add(new ServedClient(i, encounterUuid, client.get().id(), k.services()));
        }
        return served;
    }

    /** The encounter each served client got: new ones in order, repeats from the duplicates. */
    private static List<OutreachSession.Served> links(List<ServedClient> served, BatchResult result) {
        Map<Integer, Long> repeated = new HashMap<>();
        result.duplicates().forEach(d -> repeated.put(d.index(), d.id()));
        List<OutreachSession.Served> links = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < served.size(); i++) {
            long encounterId = repeated.containsKey(i) ? repeated.get(i) : result.ids().get(next++);
            links.add(new OutreachSession.Served(encounterId, served.get(i).clientId));
        }
        return links;
    }

    /** An encounter's field named as the session's: encounters[1].services[0].code → knownClients[1].services[0].code. */
    private static FieldProblem renamed(FieldProblem problem, String prefix) {
        Matcher m = ENCOUNTER_FIELD.matcher(problem.field());
        if (!m.matches()) {
            return new FieldProblem(prefix + "knownClients", problem.messageKey(), problem.arguments());
        }
        String rest = switch (m.group(2)) {
            case "clientId", "clientUic", "" -> "clientCode";
            case "uuid" -> "encounterUuid";
            default -> m.group(2);
        };
        return new FieldProblem(prefix + "knownClients[" + m.group(1) + "]." + rest, problem.messageKey(),
                problem.arguments());
    }

    private NewSession prepare(Context context, OutreachSessionForm form, String uuid, String fingerprint, String prefix,
                               Problems problems) {
        if (uuid == null) {
            problems.add(prefix + "uuid", "error.required");
        } else if (!UUID_TEXT.matcher(uuid).matches()) {
            problems.add(prefix + "uuid", "encounter.error.uuid");
        }
        Site site = form.siteId() == null ? null : context.sites.get(form.siteId());
        if (form.siteId() == null) {
            problems.add(prefix + "siteId", "error.required");
        } else if (site == null) {
            problems.add(prefix + "siteId", "outreach.error.site");
        }
        Hotspot hotspot = form.hotspotId() == null ? null : context.hotspots.get(form.hotspotId());
        problems.check(form.hotspotId() == null || hotspot != null, prefix + "hotspotId", "outreach.error.hotspot");
        OutreachSetting setting = settingOf(form, site);
        // a drop-in's opening or a prison visit happens at the site, not at a hotspot: a hotspot there would put
        // attendance on the hotspot's map and in its contact counts
        problems.check(form.hotspotId() == null || setting == OutreachSetting.HOTSPOT_OUTREACH, prefix + "hotspotId",
                "outreach.error.hotspotSetting");
        if (form.date() == null) {
            problems.add(prefix + "date", "error.required");
        } else {
            problems.check(!form.date().isAfter(context.today), prefix + "date", "encounter.error.futureDate");
            problems.check(!form.date().isBefore(context.today.minusYears(1)), prefix + "date", "outreach.error.tooOld");
        }
        problems.check(form.start() != null, prefix + "start", "error.required");
        if (form.end() == null) {
            problems.add(prefix + "end", "error.required");
        } else {
            problems.check(form.start() == null || form.end().isAfter(form.start()), prefix + "end",
                    "outreach.error.endBeforeStart");
        }

        List<Long> peers = form.peerIds().isEmpty() ? List.of(context.actor.id()) : form.peerIds();
        problems.check(peers.size() <= MAX_PEERS, prefix + "peerIds", "outreach.error.tooMany", MAX_PEERS);
        Set<Long> distinctPeers = new HashSet<>();
        for (Long peer : peers) {
            if (peer == null || !(context.peers.contains(peer) || peer == context.actor.id())) {
                problems.add(prefix + "peerIds", "outreach.error.peer");
                break;
            }
            distinctPeers.add(peer);
        }

        List<OutreachSession.Contacts> contacts = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < form.contacts().size(); i++) {
            ContactCount c = form.contacts().get(i);
            String field = prefix + "contacts[" + i + "].";
            if (c == null || c.sex() == null) {
                problems.add(field + "sex", "error.required");
                continue;
            }
            if (c.ageBand() == null) {
                problems.add(field + "ageBand", "error.required");
                continue;
            }
            if (!count(problems, field + "people", c.people(), MAX_PEOPLE, true)) {
                continue;
            }
            if (!pairs.add(c.sex() + "/" + c.ageBand())) {
                problems.add(field + "ageBand", "outreach.error.contactsTwice");
            } else if (c.people() > 0) {
                contacts.add(new OutreachSession.Contacts(c.sex(), c.ageBand(), c.people()));
            }
        }
        int total = contacts.stream().mapToInt(OutreachSession.Contacts::people).sum();
        problems.check(total <= MAX_PEOPLE, prefix + "contacts", "outreach.error.peopleTooMany", MAX_PEOPLE);

        count(problems, prefix + "needlesSyringes", form.needlesSyringes(), MAX_QUANTITY, false);
        count(problems, prefix + "condoms", form.condoms(), MAX_QUANTITY, false);
        count(problems, prefix + "naloxone", form.naloxone(), MAX_QUANTITY, false);
        count(problems, prefix + "foilPipes", form.foilPipes(), MAX_QUANTITY, false);
        count(problems, prefix + "informationMaterial", form.informationMaterial(), MAX_QUANTITY, false);
        count(problems, prefix + "returnedSyringes", form.returnedSyringes(), MAX_QUANTITY, false);
        count(problems, prefix + "returnedWeightGrams", form.returnedWeightGrams(), MAX_RETURNED_GRAMS, false);
        count(problems, prefix + "referrals", form.referrals(), MAX_REFERRALS, false);

        List<OutreachSession.Observed> incidents = new ArrayList<>();
        Set<Incident> codes = new HashSet<>();
        for (int i = 0; i < form.incidents().size(); i++) {
            IncidentCount c = form.incidents().get(i);
            String field = prefix + "incidents[" + i + "].";
            if (c == null || c.code() == null) {
                problems.add(field + "code", "error.required");
            } else if (!codes.add(c.code())) {
                problems.add(field + "code", "outreach.error.incidentTwice");
            } else if (count(problems, field + "times", c.times(), MAX_INCIDENTS, true) && c.times() > 0) {
                incidents.add(new OutreachSession.Observed(c.code(), c.times()));
            }
        }
        String version = blankToNull(form.formVersion());
        problems.check(version == null || version.length() <= 40, prefix + "formVersion", "error.tooLong", 40);

        if (site == null || form.date() == null || form.start() == null || form.end() == null) {
            return null;
        }
        return new NewSession(uuid, context.organisationId, site.id(), hotspot == null ? null : hotspot.id(),
                hotspot == null ? null : hotspot.name(), setting, form.date(), form.start(), form.end(),
                distinctPeers.stream().sorted().toList(), contacts, zero(form.needlesSyringes()), zero(form.condoms()),
                zero(form.naloxone()), zero(form.foilPipes()), zero(form.informationMaterial()), form.returnedSyringes(),
                form.returnedWeightGrams(), zero(form.referrals()), incidents, version, fingerprint);
    }

    /**
     * The setting as sent; without one, hotspot outreach when a hotspot is named (devices from before settings
     * existed send hotspot sessions so), else what the site's type usually holds.
     */
    private static OutreachSetting settingOf(OutreachSessionForm form, Site site) {
        if (form.setting() != null) {
            return form.setting();
        }
        if (form.hotspotId() != null) {
            return OutreachSetting.HOTSPOT_OUTREACH;
        }
        return OutreachSetting.usualAt(site == null ? null : site.type());
    }

    /** A whole count between 0 and the bound; null is zero unless required. Answers whether it passed. */
    private static boolean count(Problems problems, String field, Integer value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field, "error.required");
                return false;
            }
            return true;
        }
        if (value < 0) {
            problems.add(field, "encounter.error.negativeQuantity");
            return false;
        }
        if (value > max) {
            problems.add(field, "encounter.error.quantityTooLarge", max);
            return false;
        }
        return true;
    }

    // ---- reading

    /** One session the actor may see; its known clients' reading is recorded. */
    @Transactional // not read-only: the read is written to the audit log
    public OutreachSession session(ReachUser actor, long id) {
        long organisationId = OutreachAccess.require(mayRead(actor), actor, "read outreach session");
        OutreachSession session = store.byId(id).filter(s -> s.organisationId() == organisationId && sees(actor, s))
                .orElseThrow(() -> new NotFound("outreach session", id));
        audit.recordRead(actor, organisationId, "outreach_session", id, null,
                session.served().stream().map(OutreachSession.Served::clientId).distinct().toList());
        return session;
    }

    /**
     * The session the actor's organisation stored under a device's uuid, if the actor may see it (a supervisor
     * comparing it with a phone's version); the read is audited like any other.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Optional<OutreachSession> byUuid(ReachUser actor, String uuid) {
        long organisationId = OutreachAccess.require(mayRead(actor), actor, "read outreach session");
        if (uuid == null || !UUID_TEXT.matcher(uuid.strip()).matches()) {
            return Optional.empty();
        }
        String key = uuid.strip().toLowerCase(Locale.ROOT);
        SessionStore.Known known = store.known(organisationId, List.of(key)).get(key);
        try {
            return known == null ? Optional.empty() : Optional.of(session(actor, known.id()));
        } catch (NotFound notVisible) {
            return Optional.empty();
        }
    }

    /** One page of the sessions the actor may see in a period, newest first. */
    @Transactional // not read-only: the read is written to the audit log
    public SessionPage list(ReachUser actor, LocalDate from, LocalDate to, Long siteId, OutreachSetting setting,
                            int page, int size) {
        long organisationId = OutreachAccess.require(mayRead(actor), actor, "read outreach sessions");
        Problems problems = new Problems();
        problems.check(page >= 0 && page <= Paging.MAX_PAGE, "page", "error.pageNumber", Paging.MAX_PAGE);
        problems.check(from == null || to == null || !from.isAfter(to), "from", "error.periodOrder");
        problems.throwIfAny();
        int boundedSize = Paging.size(size, MAX_PAGE_SIZE);
        Collection<Long> sites = OutreachAccess.seesAllSites(actor) ? null : actor.siteIds();
        List<OutreachSession> found = store.search(organisationId, from, to, siteId, setting, sites, actor.id(),
                Paging.offset(page, boundedSize), boundedSize);
        long total = store.count(organisationId, from, to, siteId, setting, sites, actor.id());
        audit.recordRead(actor, organisationId, "outreach_session", null, "list page " + page + ": " + found.size()
                + " of " + total, found.stream().flatMap(s -> s.served().stream()).map(OutreachSession.Served::clientId)
                .distinct().toList());
        return new SessionPage(found, page, boundedSize, total);
    }

    /** The codes of the clients these sessions served, for pages; one look-up, one audit entry. */
    @Transactional
    public Map<Long, String> clientCodes(ReachUser actor, Collection<OutreachSession> sessions) {
        OutreachAccess.require(mayRead(actor), actor, "look up clients");
        List<Long> ids = sessions.stream().flatMap(s -> s.served().stream()).map(OutreachSession.Served::clientId)
                .filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : clients.codes(actor, ids);
    }

    /** The sites the actor may hold sessions at: every active site for organisation managers, else their own. */
    @Transactional
    public List<Site> sites(ReachUser actor) {
        if (!mayRead(actor)) {
            return List.of();
        }
        return directory.sites(actor, actor.organisationId()).stream().filter(Site::active)
                .filter(s -> OutreachAccess.seesAllSites(actor) || actor.isAssignedTo(s.id())).toList();
    }

    /** The organisation's mapped hotspots (from its rapid assessments), by name. */
    @Transactional
    public List<Hotspot> hotspots(ReachUser actor) {
        if (!mayRead(actor)) {
            return List.of();
        }
        long organisationId = actor.organisationId();
        return rar.assessments(actor).stream().filter(a -> a.organisationId() == organisationId)
                .flatMap(a -> rar.hotspots(actor, a.id()).stream())
                .sorted(Comparator.comparing(Hotspot::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The staff who may be named on a session's team. */
    @Transactional
    public List<PeerEducator> peers(ReachUser actor) {
        return mayRead(actor) ? registry.peerEducators(actor) : List.of();
    }

    private static boolean sees(ReachUser actor, OutreachSession session) {
        return OutreachAccess.seesAllSites(actor) || actor.isAssignedTo(session.siteId())
                || session.peerIds().contains(actor.id());
    }

    // ---- context

    private static final class Context {
        final ReachUser actor;
        final long organisationId;
        final Map<Long, Site> sites;
        final Map<Long, Hotspot> hotspots;
        final Set<Long> peers;
        final LocalDate today;

        Context(ReachUser actor, long organisationId, Map<Long, Site> sites, Map<Long, Hotspot> hotspots, Set<Long> peers,
                LocalDate today) {
            this.actor = actor;
            this.organisationId = organisationId;
            this.sites = sites;
            this.hotspots = hotspots;
            this.peers = peers;
            this.today = today;
        }
    }

    private Context context(ReachUser actor, long organisationId) {
        Map<Long, Site> sites = new LinkedHashMap<>();
        sites(actor).forEach(s -> sites.put(s.id(), s));
        Map<Long, Hotspot> hotspots = new HashMap<>();
        hotspots(actor).forEach(h -> hotspots.put(h.id(), h));
        Set<Long> peers = registry.peerEducators(actor).stream().map(PeerEducator::id).collect(Collectors.toSet());
        return new Context(actor, organisationId, sites, hotspots, peers, LocalDate.now(clock));
    }

    // ---- helpers

    private static List<FieldProblem> problemsOf(Problems problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.problems();
        }
    }

    private static String normalUuid(String uuid) {
        return uuid == null || uuid.isBlank() ? null : uuid.strip().toLowerCase(Locale.ROOT);
    }

    /** The content of a submission in one canonical line: equal submissions, equal fingerprints. */
    static String fingerprint(OutreachSessionForm f) {
        String contacts = f.contacts().stream().filter(Objects::nonNull)
                .map(c -> c.sex() + "/" + c.ageBand() + "=" + c.people()).sorted().collect(Collectors.joining(","));
        String known = f.knownClients().stream().filter(Objects::nonNull)
                .map(k -> String.valueOf(k.clientCode()).strip().toUpperCase(Locale.ROOT) + "@" + k.encounterUuid() + ":"
                        + k.services().stream().filter(Objects::nonNull)
                        .map(s -> String.valueOf(s.code()).strip().toUpperCase(Locale.ROOT) + "x" + s.quantity() + "/"
                                + s.result() + "/" + s.linked()).sorted().collect(Collectors.joining("+")))
                .collect(Collectors.joining(","));
        String incidents = f.incidents().stream().filter(Objects::nonNull).map(i -> i.code() + "=" + i.times()).sorted()
                .collect(Collectors.joining(","));
        String peers = f.peerIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
        String canonical = String.join("|", String.valueOf(f.siteId()), String.valueOf(f.hotspotId()),
                String.valueOf(f.date()), String.valueOf(f.start()), String.valueOf(f.end()), peers, contacts, known,
                String.valueOf(zero(f.needlesSyringes())), String.valueOf(zero(f.condoms())),
                String.valueOf(zero(f.naloxone())), String.valueOf(zero(f.foilPipes())),
                String.valueOf(zero(f.informationMaterial())), String.valueOf(f.returnedSyringes()),
                String.valueOf(f.returnedWeightGrams()), String.valueOf(zero(f.referrals())), incidents)
                // only a setting that was sent: a device from before settings replays with the fingerprint it was stored with
                + (f.setting() == null ? "" : "|" + f.setting().name());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
