package org.reach.outreach;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.PeerEducator;
import org.reach.organisations.Site;
import org.reach.outreach.store.PlanStore;
import org.reach.outreach.store.SessionStore;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.CoverageGap;
import org.reach.rar.Hotspot;
import org.reach.rar.PopulationSizes;
import org.reach.rar.RapidAssessments;
import org.reach.rar.Subgroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The microplan: which peer covers which hotspot on which day, the contacts a peer is expected to make in a month
 * (from the hotspots' size estimates and a contact frequency per risk), what each hotspot needs in syringes against
 * what sessions gave there, and a peer's own figures for the month.
 */
@Service
@Transactional
public class Microplans {

    /** Days in the month the need of a hotspot is stated for. */
    static final int DAYS_PER_MONTH = 30;

    private final PlanStore plans;
    private final SessionStore sessions;
    private final OutreachSessions outreach;
    private final RapidAssessments rar;
    private final PopulationSizes populationSizes;
    private final ObjectProvider<PeerCaseloads> caseloads;
    private final AuditTrail audit;
    private final Clock clock;
    private final Targets targets;

    /** Contacts a month per person by risk, and injections a day for the syringe need. */
    public record Targets(int injectingContactsPerMonth, int otherContactsPerMonth, int injectionsPerDay) {
    }

    Microplans(PlanStore plans, SessionStore sessions, OutreachSessions outreach, RapidAssessments rar, PopulationSizes populationSizes,
               ObjectProvider<PeerCaseloads> caseloads, AuditTrail audit, Clock clock,
               @Value("${reach.outreach.contacts-per-month.injecting:4}") int injecting,
               @Value("${reach.outreach.contacts-per-month.other:1}") int other,
               @Value("${reach.outreach.injections-per-day:2}") int injectionsPerDay) {
        this.plans = plans;
        this.sessions = sessions;
        this.outreach = outreach;
        this.rar = rar;
        this.populationSizes = populationSizes;
        this.caseloads = caseloads;
        this.audit = audit;
        this.clock = clock;
        this.targets = new Targets(injecting, other, injectionsPerDay);
    }

    public Targets targets() {
        return targets;
    }

    /** Organisation managers plan every site, site managers their own. */
    public boolean mayPlan(ReachUser actor) {
        return OutreachAccess.mayKeepStock(actor);
    }

    public boolean mayRead(ReachUser actor) {
        return OutreachAccess.mayRead(actor);
    }

    public boolean hasOwnFigures(ReachUser actor) {
        return actor.organisationId() != null && actor.has(Role.OUTREACH_WORKER);
    }

    public PlanEntry assign(ReachUser actor, PlanForm form) {
        long organisationId = OutreachAccess.require(mayPlan(actor), actor, "plan outreach");
        Problems problems = new Problems();
        Set<Long> sites = outreach.sites(actor).stream().map(Site::id).collect(Collectors.toSet());
        if (form.siteId() == null) {
            problems.add("siteId", "error.required");
        } else {
            problems.check(sites.contains(form.siteId()), "siteId", "outreach.error.site");
        }
        if (form.peerId() == null) {
            problems.add("peerId", "error.required");
        } else {
            problems.check(outreach.peers(actor).stream().anyMatch(p -> p.id() == form.peerId()), "peerId",
                    "outreach.error.peer");
        }
        if (form.hotspotId() == null) {
            problems.add("hotspotId", "error.required");
        } else {
            problems.check(outreach.hotspots(actor).stream().anyMatch(h -> h.id() == form.hotspotId()), "hotspotId",
                    "outreach.error.hotspot");
        }
        problems.check(form.weekday() != null, "weekday", "error.required");
        problems.throwIfAny();
        return plans.find(organisationId, form.peerId(), form.hotspotId(), form.weekday()).orElseGet(() -> {
            long id = plans.insert(organisationId, form.siteId(), form.peerId(), form.hotspotId(), form.weekday(),
                    actor.id(), Instant.now(clock));
            audit.recordWrite(actor, organisationId, AuditAction.CREATE, "outreach_plan", id,
                    form.weekday() + " peer " + form.peerId() + " hotspot " + form.hotspotId());
            return plans.byId(id).orElseThrow();
        });
    }

    public void remove(ReachUser actor, long id) {
        long organisationId = OutreachAccess.require(mayPlan(actor), actor, "plan outreach");
        Set<Long> sites = outreach.sites(actor).stream().map(Site::id).collect(Collectors.toSet());
        PlanEntry entry = plans.byId(id).filter(e -> e.organisationId() == organisationId && sites.contains(e.siteId()))
                .orElseThrow(() -> new NotFound("plan entry", id));
        plans.delete(entry.id());
        audit.recordWrite(actor, organisationId, AuditAction.DEACTIVATE, "outreach_plan", id, "removed from the plan");
    }

    /** The week's plan at the sites the actor sees (peers: the whole plan of their sites, to know who is where). */
    @Transactional
    public List<PlanEntry> plan(ReachUser actor) {
        long organisationId = OutreachAccess.require(mayRead(actor), actor, "read outreach plan");
        Set<Long> sites = outreach.sites(actor).stream().map(Site::id).collect(Collectors.toSet());
        return plans.ofOrganisation(organisationId).stream().filter(e -> sites.contains(e.siteId())).toList();
    }

    /** Per mapped hotspot of the organisation: the syringes it needs a month against what sessions gave there. */
    @Transactional // not read-only: the size estimates' reach figures are read from the client registry (audited)
    public List<HotspotNeed> needs(ReachUser actor) {
        long organisationId = OutreachAccess.require(mayRead(actor), actor, "read outreach plan");
        Map<Long, long[]> sizes = sizes(actor, organisationId);
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> given = new HashMap<>();
        for (OutreachSession s : sessions.between(List.of(organisationId), null, today.minusDays(DAYS_PER_MONTH - 1L), today)) {
            if (s.hotspotId() != null) {
                given.merge(String.valueOf(s.hotspotId()), (long) s.needlesSyringes(), Long::sum);
            }
        }
        Map<Long, Set<Long>> peers = peersByHotspot(plan(actor));
        List<HotspotNeed> needs = new ArrayList<>();
        for (Hotspot h : outreach.hotspots(actor)) {
            long[] size = sizes.get(h.id());
            needs.add(need(h.id(), h.name(), size == null ? null : size[0], size == null ? null : size[1],
                    given.getOrDefault(String.valueOf(h.id()), 0L), targets.injectionsPerDay(),
                    List.copyOf(peers.getOrDefault(h.id(), Set.of()))));
        }
        return needs;
    }

    /** The peer's own month so far; empty figures for anyone who is not a peer. */
    @Transactional
    public PeerMonth month(ReachUser peer) {
        long organisationId = OutreachAccess.require(hasOwnFigures(peer), peer, "read own figures");
        LocalDate today = LocalDate.now(clock);
        long contacts = 0;
        long syringes = 0;
        long condoms = 0;
        long naloxone = 0;
        for (OutreachSession s : sessions.between(List.of(organisationId), null, today.withDayOfMonth(1), today)) {
            if (s.peerIds().contains(peer.id())) {
                contacts += s.anonymousContacts() + s.served().size();
                syringes += s.needlesSyringes();
                condoms += s.condoms();
                naloxone += s.naloxone();
            }
        }
        List<PlanEntry> entries = plans.ofOrganisation(organisationId);
        long target = target(peer.id(), peersByHotspot(entries), sizes(peer, organisationId), targets);
        PeerCaseloads known = caseloads.getIfAvailable();
        OptionalInt caseload = known == null ? OptionalInt.empty() : known.clientsFollowedBy(peer, peer.id());
        return new PeerMonth(contacts, target, syringes, condoms, naloxone,
                caseload.isPresent() ? caseload.getAsInt() : null);
    }

    /**
     * Each peer's caseload (peer id to clients followed; a peer who follows nobody is absent) for the plan's readers;
     * empty when no capability keeps who follows whom.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> caseloads(ReachUser actor) {
        OutreachAccess.require(mayRead(actor), actor, "read outreach plan");
        PeerCaseloads known = caseloads.getIfAvailable();
        return known == null ? Map.of() : known.clientsFollowedByPeers(actor);
    }

    /** Staff who may be put on a hotspot. */
    @Transactional
    public List<PeerEducator> peers(ReachUser actor) {
        return outreach.peers(actor);
    }

    // ---- rules, pure so that constructed cases can check them

    /**
     * Syringes a hotspot needs a month: people who inject × injections a day × 30 days; the gap is what sessions did
     * not give, never below zero. Without an estimate there is no need and no gap.
     */
    static HotspotNeed need(long hotspotId, String name, Long people, Long injecting, long given, int injectionsPerDay,
                            List<Long> peers) {
        Long needed = injecting == null ? null : injecting * injectionsPerDay * DAYS_PER_MONTH;
        Long gap = needed == null ? null : Math.max(0, needed - given);
        return new HotspotNeed(hotspotId, name, people, injecting, needed, given, gap, peers);
    }

    /**
     * A peer's contacts target for a month: for each hotspot they cover, the people estimated there — those who inject
     * at the injecting frequency, the others at theirs — shared equally among the peers who cover it; rounded.
     */
    static long target(long peerId, Map<Long, Set<Long>> peersByHotspot, Map<Long, long[]> sizes, Targets targets) {
        double total = 0;
        for (Map.Entry<Long, Set<Long>> e : peersByHotspot.entrySet()) {
            long[] size = sizes.get(e.getKey());
            if (!e.getValue().contains(peerId) || size == null) {
                continue;
            }
            long injecting = Math.min(size[1], size[0]);
            total += (injecting * (double) targets.injectingContactsPerMonth()
                    + (size[0] - injecting) * (double) targets.otherContactsPerMonth()) / e.getValue().size();
        }
        return Math.round(total);
    }

    private static Map<Long, Set<Long>> peersByHotspot(List<PlanEntry> entries) {
        Map<Long, Set<Long>> peers = new LinkedHashMap<>();
        entries.forEach(e -> peers.computeIfAbsent(e.hotspotId(), k -> new TreeSet<>()).add(e.peerId()));
        return peers;
    }

    /** Per hotspot of the organisation: estimated people and people who inject (from the rapid assessments). */
    private Map<Long, long[]> sizes(ReachUser actor, long organisationId) {
        Map<Long, long[]> sizes = new HashMap<>();
        for (var assessment : rar.assessments(actor)) {
            if (assessment.organisationId() != organisationId) {
                continue;
            }
            for (CoverageGap gap : populationSizes.gaps(actor, assessment.id())) {
                if (gap.estimated() == null) {
                    continue;
                }
                long[] size = sizes.computeIfAbsent(gap.hotspotId(), k -> new long[2]);
                if (gap.subgroup() == Subgroup.ALL) {
                    size[0] = gap.estimated();
                } else if (gap.subgroup() == Subgroup.INJECTING) {
                    size[1] = gap.estimated();
                }
            }
        }
        return sizes;
    }

    /** Days of the week in order, for pages. */
    public static List<DayOfWeek> week() {
        return List.of(DayOfWeek.values());
    }
}
