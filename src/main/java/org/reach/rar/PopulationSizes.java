package org.reach.rar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Clients;
import org.reach.clients.HotspotReach;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rar.store.Fieldwork;
import org.reach.rar.store.Hotspots;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many people a rapid assessment finds and how many of them the programme reaches: the visits, key-informant
 * ranges, capture–recapture rounds and multipliers entered per hotspot, the size estimates made from them, and the
 * coverage gaps against the client registry. Who may read and record is the assessment's rule
 * ({@link RapidAssessments}); every write is audited in the same transaction.
 */
@Service
@Transactional
public class PopulationSizes {

    private final RapidAssessments rar;
    private final Hotspots hotspots;
    private final Fieldwork fieldwork;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clients clients;
    private final Clock clock;

    PopulationSizes(RapidAssessments rar, Hotspots hotspots, Fieldwork fieldwork, OrganisationDirectory directory,
                    AuditTrail audit, Clients clients, Clock clock) {
        this.rar = rar;
        this.hotspots = hotspots;
        this.fieldwork = fieldwork;
        this.directory = directory;
        this.audit = audit;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public HotspotDetail detail(ReachUser actor, long id) {
        Hotspot hotspot = rar.hotspot(actor, id);
        return new HotspotDetail(hotspot, fieldwork.visits(id), fieldwork.keyInformants(id), fieldwork.captures(id),
                fieldwork.multipliers(id), fieldwork.reached(id), estimate(hotspot));
    }

    // ---- visits and estimation inputs

    public Visit addVisit(ReachUser actor, long hotspotId, VisitForm form) {
        Assessment assessment = rar.assessmentOf(actor, hotspotId);
        rar.requireRecorder(actor, assessment, "record visit");
        Problems problems = new Problems();
        if (form.visitedOn() == null) {
            problems.add("visitedOn", "error.required");
        } else {
            problems.check(!form.visitedOn().isAfter(LocalDate.now(clock)), "visitedOn", "rar.error.future");
        }
        int total = count(problems, "total", form.total(), true);
        int injecting = count(problems, "injecting", form.injecting(), false);
        int nonInjecting = count(problems, "nonInjecting", form.nonInjecting(), false);
        int women = count(problems, "women", form.women(), false);
        int youth = count(problems, "youth", form.youth(), false);
        int transgender = count(problems, "transgender", form.transgender(), false);
        problems.check((long) injecting + nonInjecting <= total, "injecting", "rar.error.moreThanTotal");
        problems.check(women <= total, "women", "rar.error.moreThanTotal");
        problems.check(youth <= total, "youth", "rar.error.moreThanTotal");
        problems.check(transgender <= total, "transgender", "rar.error.moreThanTotal");
        problems.throwIfAny();
        VisitForm clean = new VisitForm(form.visitedOn(), form.timeOfDay(), total, injecting, nonInjecting, women, youth, transgender);
        long id = fieldwork.insertVisit(hotspotId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_visit", id, "hotspot " + hotspotId);
        return fieldwork.visits(hotspotId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    public KeyInformantEstimate addKeyInformant(ReachUser actor, long hotspotId, KeyInformantForm form) {
        Assessment assessment = managedAssessmentOf(actor, hotspotId, "record key-informant estimate");
        String informant = Fields.trim(form.informant());
        Problems problems = new Problems();
        Fields.required(problems, "informant", informant, 100);
        int min = count(problems, "minimum", form.minimum(), true);
        int max = count(problems, "maximum", form.maximum(), true);
        problems.check(problems.has("minimum") || problems.has("maximum") || max >= min, "maximum",
                "rar.estimate.error.maxBelowMin");
        problems.throwIfAny();
        long id = fieldwork.insertKeyInformant(hotspotId, new KeyInformantForm(informant, min, max), now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_key_informant", id, "hotspot " + hotspotId);
        return fieldwork.keyInformants(hotspotId).stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }

    public CaptureRecapture addCapture(ReachUser actor, long hotspotId, CaptureForm form) {
        Assessment assessment = managedAssessmentOf(actor, hotspotId, "record capture-recapture");
        Problems problems = new Problems();
        problems.check(form.marked() != null, "marked", "error.required");
        problems.check(form.secondSample() != null, "secondSample", "error.required");
        problems.check(form.recaptured() != null, "recaptured", "error.required");
        if (form.firstRound() != null && form.secondRound() != null) {
            problems.check(form.secondRound().isAfter(form.firstRound()), "secondRound", "rar.error.secondRound");
        }
        problems.throwIfAny();
        SizeEstimators.chapman(form.marked(), form.secondSample(), form.recaptured());
        long id = fieldwork.insertCapture(hotspotId, form, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_capture_recapture", id, "hotspot " + hotspotId);
        return fieldwork.captures(hotspotId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    public Multiplier addMultiplier(ReachUser actor, long hotspotId, MultiplierForm form) {
        Assessment assessment = managedAssessmentOf(actor, hotspotId, "record multiplier");
        String service = Fields.trim(form.service());
        Problems problems = new Problems();
        Fields.required(problems, "service", service, 200);
        problems.check(form.serviceCount() != null, "serviceCount", "error.required");
        problems.check(form.respondents() != null, "respondents", "error.required");
        problems.check(form.users() != null, "users", "error.required");
        problems.throwIfAny();
        SizeEstimators.multiplier(form.serviceCount(), form.users(), form.respondents());
        long id = fieldwork.insertMultiplier(hotspotId, new MultiplierForm(service, form.serviceCount(), form.respondents(),
                form.users()), now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_multiplier", id, "hotspot " + hotspotId);
        return fieldwork.multipliers(hotspotId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Clients reached at a hotspot per subgroup, entered by hand until the client registry provides them. */
    public Map<Subgroup, Integer> setReached(ReachUser actor, long hotspotId, Map<Subgroup, Integer> reached) {
        Assessment assessment = managedAssessmentOf(actor, hotspotId, "record clients reached");
        Problems problems = new Problems();
        problems.check(reached != null && !reached.isEmpty(), "reached", "error.required");
        if (reached != null) {
            reached.forEach((subgroup, value) -> {
                problems.check(subgroup != null, "reached", "error.required");
                problems.check(value != null && value >= 0, "reached", "rar.estimate.error.negative");
                problems.check(value == null || value <= SizeEstimators.MAX_PEOPLE, "reached", "rar.estimate.error.tooMany",
                        SizeEstimators.MAX_PEOPLE);
            });
        }
        problems.throwIfAny();
        refuseContradictions(fieldwork.reached(hotspotId), reached);
        reached.forEach((subgroup, value) -> fieldwork.setReached(hotspotId, subgroup, value, now()));
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "rar_reached", hotspotId, null);
        return fieldwork.reached(hotspotId);
    }

    /**
     * The counts as they will stand (stored ones overwritten by the new) must fit together: no subgroup larger than
     * everybody reached, and people who inject and who do not inject together no more than everybody. Each
     * offending subgroup is named as the field {@code reached.SUBGROUP}.
     */
    private static void refuseContradictions(Map<Subgroup, Integer> stored, Map<Subgroup, Integer> entered) {
        Map<Subgroup, Integer> after = new EnumMap<>(Subgroup.class);
        after.putAll(stored);
        after.putAll(entered);
        Integer all = after.get(Subgroup.ALL);
        if (all == null) {
            return;
        }
        Problems problems = new Problems();
        for (Subgroup s : Subgroup.values()) {
            Integer value = after.get(s);
            problems.check(s == Subgroup.ALL || value == null || value <= all, "reached." + s.name(),
                    "rar.error.reachedMoreThanAll", all);
        }
        int injecting = after.getOrDefault(Subgroup.INJECTING, 0);
        int nonInjecting = after.getOrDefault(Subgroup.NON_INJECTING, 0);
        if (injecting <= all && nonInjecting <= all) {
            problems.check((long) injecting + nonInjecting <= all, "reached." + Subgroup.NON_INJECTING.name(),
                    "rar.error.routesMoreThanAll", all);
        }
        problems.throwIfAny();
    }

    // ---- estimates and gaps

    @Transactional(readOnly = true)
    public SizeEstimates estimates(ReachUser actor, long assessmentId) {
        rar.assessment(actor, assessmentId);
        List<HotspotEstimate> perHotspot = hotspots.ofAssessment(assessmentId).stream().map(this::estimate).toList();
        Map<String, List<HotspotEstimate>> byDistrict = new TreeMap<>();
        for (HotspotEstimate e : perHotspot) {
            String district = e.hotspot().district() == null ? "" : e.hotspot().district();
            byDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(e);
        }
        List<AreaEstimate> areas = byDistrict.entrySet().stream().map(e -> rollUp(e.getKey(), e.getValue())).toList();
        return new SizeEstimates(perHotspot, areas, rollUp(null, perHotspot));
    }

    private static AreaEstimate rollUp(String district, List<HotspotEstimate> estimates) {
        List<Estimate> best = estimates.stream().map(HotspotEstimate::best).filter(Objects::nonNull).toList();
        return new AreaEstimate(district, estimates.size(), best.size(), best.stream().mapToLong(Estimate::rounded).sum(),
                best.stream().mapToLong(Estimate::roundedLow).sum(), best.stream().mapToLong(Estimate::roundedHigh).sum());
    }

    /**
     * Every method the hotspot has data for; the best is, in this order, the latest capture-recapture, the
     * latest multiplier, the key informants, the direct counts.
     */
    HotspotEstimate estimate(Hotspot hotspot) {
        List<Estimate> estimates = new ArrayList<>();
        List<CaptureRecapture> captures = fieldwork.captures(hotspot.id());
        if (!captures.isEmpty()) {
            CaptureRecapture c = captures.get(captures.size() - 1);
            estimates.add(SizeEstimators.chapman(c.marked(), c.secondSample(), c.recaptured()));
        }
        List<Multiplier> multipliers = fieldwork.multipliers(hotspot.id());
        if (!multipliers.isEmpty()) {
            Multiplier m = multipliers.get(multipliers.size() - 1);
            estimates.add(SizeEstimators.multiplier(m.serviceCount(), m.users(), m.respondents()));
        }
        List<KeyInformantEstimate> informants = fieldwork.keyInformants(hotspot.id());
        if (!informants.isEmpty()) {
            estimates.add(SizeEstimators.keyInformants(informants.stream().map(KeyInformantEstimate::minimum).toList(),
                    informants.stream().map(KeyInformantEstimate::maximum).toList()));
        }
        List<Visit> visits = fieldwork.visits(hotspot.id());
        if (!visits.isEmpty()) {
            estimates.add(SizeEstimators.directCounts(visits.stream().map(Visit::total).toList()));
        }
        return new HotspotEstimate(hotspot, estimates, estimates.isEmpty() ? null : estimates.get(0));
    }

    /**
     * For every hotspot and subgroup: the estimated size (the hotspot's best estimate times the subgroup's
     * share of the people counted on visits), the clients reached, and the distance to the nearest service
     * site of the organisation. Least served first: lowest coverage, then the largest gap.
     * <p>
     * Clients reached come from the client registry where a hotspot's name (or the place after "District:",
     * or any part between slashes) matches the clients' enrolment hotspot, ignoring case, accents and spaces,
     * counting clients contacted in the assessment's period (the last twelve months when it has none);
     * otherwise from the numbers entered for the hotspot; otherwise they are unknown.
     */
    @Transactional // not read-only: the registry writes its read of the counts to the audit log
    public List<CoverageGap> gaps(ReachUser actor, long assessmentId) {
        Assessment assessment = rar.assessment(actor, assessmentId);
        List<CoverageGap> gaps = exactGaps(actor, assessment);
        return actor.mayReadClientsOf(assessment.organisationId()) ? gaps : CoverageGapSuppression.suppress(gaps);
    }

    /**
     * The gaps as they may leave the organisation, in the report: counts of people reached suppressed whoever
     * reads them (see {@link CoverageGapSuppression}).
     */
    @Transactional
    public List<CoverageGap> gapsForCirculation(ReachUser actor, long assessmentId) {
        return CoverageGapSuppression.suppress(exactGaps(actor, rar.assessment(actor, assessmentId)));
    }

    private List<CoverageGap> exactGaps(ReachUser actor, Assessment assessment) {
        long assessmentId = assessment.id();
        List<Site> sites = directory.locatedSites(actor, assessment.organisationId());
        List<Hotspot> places = hotspots.ofAssessment(assessmentId);
        Map<String, HotspotReach> registry = places.isEmpty() ? Map.of() : registryReach(actor, assessment);
        List<CoverageGap> gaps = new ArrayList<>();
        for (Hotspot hotspot : places) {
            HotspotEstimate estimate = estimate(hotspot);
            List<Visit> visits = fieldwork.visits(hotspot.id());
            HotspotReach fromRegistry = aliases(hotspot.name()).stream().map(registry::get).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            Map<Subgroup, Integer> entered = fromRegistry == null ? fieldwork.reached(hotspot.id()) : Map.of();
            Site nearest = null;
            double distance = Double.MAX_VALUE;
            for (Site site : sites) {
                double d = SizeEstimators.haversineKm(hotspot.latitude(), hotspot.longitude(), site.latitude(), site.longitude());
                if (d < distance) {
                    distance = d;
                    nearest = site;
                }
            }
            long counted = visits.stream().mapToLong(Visit::total).sum();
            for (Subgroup subgroup : Subgroup.values()) {
                Long size = null;
                if (estimate.best() != null) {
                    if (subgroup == Subgroup.ALL) {
                        size = estimate.best().rounded();
                    } else if (counted > 0) {
                        double share = (double) visits.stream().mapToLong(subgroup::countOn).sum() / counted;
                        size = Math.round(estimate.best().point() * share);
                    }
                }
                ReachSource source;
                int got;
                if (fromRegistry != null) {
                    source = ReachSource.REGISTRY;
                    got = subgroup.countIn(fromRegistry);
                } else if (entered.containsKey(subgroup)) {
                    source = ReachSource.ENTERED;
                    got = entered.get(subgroup);
                } else {
                    source = ReachSource.UNKNOWN;
                    got = 0;
                }
                if (subgroup != Subgroup.ALL && (size == null || size == 0) && got == 0) {
                    continue;
                }
                Double coverage = size == null || size == 0 ? null : Math.min(1.0, (double) got / size);
                gaps.add(new CoverageGap(hotspot.id(), hotspot.name(), hotspot.district(), subgroup, size, got, source,
                        size == null ? null : Math.max(0, size - got), coverage,
                        nearest == null ? null : Math.round(distance * 10) / 10.0, nearest == null ? null : nearest.name(),
                        false, null));
            }
        }
        gaps.sort(CoverageGapSuppression.LEAST_SERVED_FIRST);
        return gaps;
    }

    /** The registry's counts per normalised enrolment hotspot over the assessment's period. */
    private Map<String, HotspotReach> registryReach(ReachUser actor, Assessment assessment) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = assessment.periodEnd() != null ? assessment.periodEnd()
                : assessment.periodStart() != null && assessment.periodStart().plusMonths(12).isBefore(today)
                ? assessment.periodStart().plusMonths(12) : today;
        LocalDate from = assessment.periodStart() != null ? assessment.periodStart() : to.minusMonths(12).plusDays(1);
        if (from.isAfter(to)) {
            from = to;
        }
        List<HotspotReach> counts;
        try {
            counts = clients.reachByHotspot(actor, assessment.organisationId(), from, to);
        } catch (Forbidden notForThisReader) {
            return Map.of(); // whoever may not count the organisation's clients sees the entered numbers
        }
        Map<String, HotspotReach> byName = new LinkedHashMap<>();
        for (HotspotReach reach : counts) {
            byName.put(HotspotReach.normalise(reach.hotspot()), reach);
        }
        return byName;
    }

    /** The names a hotspot is known by: its whole name, the place after "District:", each part between slashes. */
    static List<String> aliases(String name) {
        List<String> names = new ArrayList<>();
        if (name == null) {
            return names;
        }
        List<String> forms = new ArrayList<>(List.of(name));
        int colon = name.indexOf(':');
        if (colon >= 0) {
            forms.add(name.substring(colon + 1));
        }
        for (String form : forms) {
            names.add(form);
            if (form.contains("/")) {
                names.addAll(List.of(form.split("/")));
            }
        }
        return names.stream().map(HotspotReach::normalise).filter(n -> !n.isEmpty()).distinct().toList();
    }

    private Assessment managedAssessmentOf(ReachUser actor, long hotspotId, String action) {
        Assessment assessment = rar.assessmentOf(actor, hotspotId);
        rar.requireManager(actor, assessment, action);
        return assessment;
    }

    private static int count(Problems problems, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field, "error.required");
            }
            return 0;
        }
        problems.check(value >= 0, field, "rar.estimate.error.negative");
        problems.check(value <= SizeEstimators.MAX_PEOPLE, field, "rar.estimate.error.tooMany", SizeEstimators.MAX_PEOPLE);
        return Math.max(0, Math.min(value, SizeEstimators.MAX_PEOPLE));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
