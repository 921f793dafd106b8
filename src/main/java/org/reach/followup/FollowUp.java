package org.reach.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Client;
import org.reach.clients.ClientPage;
import org.reach.clients.ClientRegistry;
import org.reach.clients.ClientSearch;
import org.reach.clients.ClientSettings;
import org.reach.clients.ClientStatus;
import org.reach.clients.PeerEducator;
import org.reach.followup.store.FollowUpStore;
import org.reach.platform.Forbidden;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.services.ClientService;
import org.reach.services.Encounters;
import org.reach.services.Referral;
import org.reach.services.Referrals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The morning worklist and peer assignments. The list gathers follow-up's own reasons ({@link WorklistRules}, with
 * the organisation's {@link ContactRhythm} for routine contacts) and
 * those of every {@link FollowUpReasons} bean, keeps the clients the reader follows, and orders them by risk.
 * Reading a list is a client-level read and is audited with the clients it names.
 */
@Service
@Transactional
public class FollowUp {

    /** Defaulters and active clients read for the "turning lost" and routine contact rules, at most this many pages each. */
    private static final int MAX_STATUS_PAGES = 50;
    private static final int PAGE = 100;

    private final FollowUpStore store;
    private final ClientRegistry clients;
    private final Encounters encounters;
    private final Referrals referrals;
    private final ObjectProvider<FollowUpReasons> others;
    private final ContactRhythms rhythms;
    private final AuditTrail audit;
    private final Clock clock;

    FollowUp(FollowUpStore store, ClientRegistry clients, Encounters encounters, Referrals referrals,
             ObjectProvider<FollowUpReasons> others, ContactRhythms rhythms, AuditTrail audit, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.encounters = encounters;
        this.referrals = referrals;
        this.others = others;
        this.rhythms = rhythms;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayUseWorklist(ReachUser actor) {
        return FollowUpAccess.mayWork(actor);
    }

    public boolean mayAssignPeers(ReachUser actor) {
        return FollowUpAccess.mayManage(actor);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Today's list for the reader: a peer's own (assigned clients and their sites' clients), a site manager's sites,
     * or the organisation for its managers; {@code siteId} narrows it to one site the reader may see.
     */
    public Worklist worklist(ReachUser actor, Long siteId) {
        long organisationId = FollowUpAccess.requireWorker(actor, "read worklist");
        Map<Long, String> siteNames = clients.siteNames(actor);
        new Problems().check(siteId == null || siteNames.containsKey(siteId), "siteId", "followup.error.site").throwIfAny();
        LocalDate day = today();
        List<ClientService> given = encounters.servicesGiven(actor, codesRead(), WorklistRules.servicesSince(day));
        List<Referral> open = referrals.list(actor, null, Referrals.DEFAULT_FOLLOW_UP_DAYS);
        List<WorklistRules.Release> releases = store.releasedSince(organisationId, day.minusDays(WorklistRules.RELEASE_WINDOW_DAYS))
                .stream().map(d -> new WorklistRules.Release(d.clientId(), d.releasedOn(), d.contactedOn() != null)).toList();
        List<DueReason> external = new ArrayList<>();
        others.orderedStream().forEach(source -> external.addAll(source.due(actor, organisationId, siteId, day)));

        Set<Long> ids = new HashSet<>();
        given.forEach(s -> ids.add(s.clientId()));
        open.forEach(r -> ids.add(r.clientId()));
        releases.forEach(r -> ids.add(r.clientId()));
        external.forEach(r -> ids.add(r.clientId()));
        Map<Long, Client> candidates = new HashMap<>(ids.isEmpty() ? Map.of() : clients.clients(actor, ids));
        // Defaulters may be turning lost; they and active clients may be due for their routine contact, which only
        // those not seen within the shorter of the two rhythms can be (so an organisation's whole roll is not read).
        ContactRhythm rhythm = rhythms.of(organisationId);
        LocalDate notSeenSince = day.minusDays(Math.min(rhythm.injectingDays(), rhythm.otherDays()));
        withStatus(actor, ClientStatus.DEFAULTER, null).forEach(c -> candidates.putIfAbsent(c.id(), c));
        withStatus(actor, ClientStatus.ACTIVE, notSeenSince).forEach(c -> candidates.putIfAbsent(c.id(), c));
        Map<Long, Long> peers = peers(organisationId, candidates.values());
        List<Client> followed = candidates.values().stream()
                .filter(c -> FollowUpAccess.follows(actor, c, peers.get(c.id())))
                .filter(c -> siteId == null || siteId.equals(c.enrolmentSiteId())).toList();
        ClientSettings rule = clients.statusRules(List.of(organisationId)).get(organisationId);
        List<DueReason> reasons = new ArrayList<>(WorklistRules.reasons(day, followed, rule, given, open, releases));
        reasons.addAll(WorklistRules.routineContacts(day, followed, rhythm));
        external.stream().filter(r -> candidates.containsKey(r.clientId())).forEach(reasons::add);
        List<WorklistEntry> entries = WorklistRules.order(followed, reasons, peers);
        audit.recordRead(actor, organisationId, "followup_worklist", null,
                "worklist " + day + (siteId == null ? "" : " site " + siteId) + ": " + entries.size(),
                entries.stream().map(e -> e.client().id()).toList());
        Map<Long, String> peerNames = clients.peerEducators(actor).stream()
                .collect(Collectors.toMap(PeerEducator::id, PeerEducator::name, (a, b) -> a));
        return new Worklist(day, siteId, FollowUpAccess.isPeerOnly(actor), entries, peerNames, siteNames);
    }

    /** How many people are due today on the reader's list, for the start page. */
    public int dueToday(ReachUser actor) {
        return mayUseWorklist(actor) ? worklist(actor, null).entries().size() : 0;
    }

    private static Collection<String> codesRead() {
        Set<String> codes = new HashSet<>(WorklistRules.OAT_CODES);
        codes.add(WorklistRules.HIV_TEST);
        codes.add(WorklistRules.ART_INITIATION);
        return codes;
    }

    private List<Client> withStatus(ReachUser actor, ClientStatus status, LocalDate lastContactBefore) {
        List<Client> found = new ArrayList<>();
        for (int page = 0; page < MAX_STATUS_PAGES; page++) {
            ClientPage result = clients.search(actor, new ClientSearch(null, status, null, null, lastContactBefore), page,
                    PAGE);
            found.addAll(result.clients());
            if (!result.hasNext()) {
                break;
            }
        }
        return found;
    }

    /** Each client's peer: the registry's peer educator, else follow-up's own assignment. */
    private Map<Long, Long> peers(long organisationId, Collection<Client> of) {
        Map<Long, Long> own = store.assignments(organisationId);
        Map<Long, Long> peers = new HashMap<>();
        for (Client client : of) {
            Long peer = client.peerEducatorId() != null ? client.peerEducatorId() : own.get(client.id());
            if (peer != null) {
                peers.put(client.id(), peer);
            }
        }
        return peers;
    }

    // ---- peer assignments

    /** The peers a manager may assign: the organisation's staff who may be named as peer educators. */
    @Transactional
    public List<PeerEducator> assignablePeers(ReachUser actor) {
        FollowUpAccess.requireManager(actor, "assign peers");
        return clients.peerEducators(actor);
    }

    /** Follow-up's own assignments of the organisation (client id to peer id); the registry's peer comes first. */
    @Transactional
    public Map<Long, Long> assignments(ReachUser actor) {
        return store.assignments(FollowUpAccess.requireManager(actor, "read peer assignments"));
    }

    /**
     * Assigns a client to a peer where the registry names none (a null peer removes the assignment). A client whose
     * registry record names a peer educator keeps that peer: it is changed on the client's page.
     */
    public void assign(ReachUser actor, PeerAssignmentForm form) {
        long organisationId = FollowUpAccess.requireManager(actor, "assign peers");
        Problems problems = new Problems();
        Client client = null;
        String code = trim(form.clientCode());
        if (form.clientId() == null && code == null) {
            problems.add(form.clientCode() != null ? "clientCode" : "clientId", "error.required");
        } else {
            String field = form.clientId() != null ? "clientId" : "clientCode";
            client = form.clientId() != null ? clients.clients(actor, List.of(form.clientId())).get(form.clientId())
                    : clients.findByUic(actor, code).orElse(null);
            if (client == null || !FollowUpAccess.follows(actor, client, null)) {
                problems.add(field, "followup.error.unknownClient");
                client = null;
            } else {
                problems.check(client.peerEducatorId() == null, field, "followup.error.registryPeer");
            }
        }
        if (form.peerId() != null) {
            problems.check(clients.peerEducators(actor).stream().anyMatch(p -> p.id() == form.peerId()), "peerId",
                    "followup.error.peer");
        }
        problems.throwIfAny();
        store.assign(organisationId, client.id(), form.peerId(), actor.id(), clock.instant());
        audit.recordWrite(actor, organisationId, form.peerId() == null ? AuditAction.DEACTIVATE : AuditAction.UPDATE,
                "followup_peer_assignment", client.id(), form.peerId() == null ? "removed" : "peer " + form.peerId(),
                List.of(client.id()));
    }

    /** The codes of these clients of the reader's organisation, for pages; one audited look-up. */
    @Transactional // not read-only: the read is written to the audit log
    public Map<Long, String> codes(ReachUser actor, Collection<Long> clientIds) {
        FollowUpAccess.requireWorker(actor, "look up clients");
        return clientIds.isEmpty() ? Map.of() : clients.codes(actor, clientIds);
    }

    /** One client the reader follows, for the client's follow-up page; audited as a read. */
    @Transactional // not read-only: the read is written to the audit log
    public Client client(ReachUser actor, long clientId) {
        long organisationId = FollowUpAccess.requireWorker(actor, "read client");
        Problems problems = new Problems();
        Client client = Tracing.client(clients, store, actor, clientId, problems);
        if (client == null) {
            throw new org.reach.platform.NotFound("client", clientId);
        }
        audit.recordRead(actor, organisationId, "client", clientId, "follow-up");
        return client;
    }

    static void requireNoNul(Problems problems, String field, String text) {
        problems.check(text == null || text.indexOf('\0') < 0, field, "error.nul");
    }

    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static void forbidUnless(boolean allowed, String action) {
        if (!allowed) {
            throw new Forbidden(action);
        }
    }
}
