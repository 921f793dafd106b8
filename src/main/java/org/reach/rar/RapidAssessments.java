package org.reach.rar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.clients.Clients;
import org.reach.clients.HotspotReach;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.store.Assessments;
import org.reach.rar.store.Fieldwork;
import org.reach.rar.store.Findings;
import org.reach.rar.store.Hotspots;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rapid assessments and everything gathered in them. Who may do what is decided here:
 * <ul>
 * <li>staff of the owning organisation read everything; the field team (organisation and site managers,
 * M&amp;E officers, outreach workers) records hotspots, visits and notes;</li>
 * <li>organisation managers and M&amp;E officers manage assessments, estimation inputs, reach and recommendations;</li>
 * <li>coordinators of the organisation's programme read aggregates: assessments, hotspots, estimates, gaps,
 * code counts and recommendations, never notes or quotes;</li>
 * <li>administrators may do everything; other organisations see nothing (not found).</li>
 * </ul>
 * Every write is audited in the same transaction; audit details never carry note text.
 */
@Service
@Transactional
public class RapidAssessments {

    private static final Set<Role> FIELD_TEAM = Set.of(Role.ORG_MANAGER, Role.SITE_MANAGER, Role.ME_OFFICER, Role.OUTREACH_WORKER);
    private static final Set<Role> MANAGERS = Set.of(Role.ORG_MANAGER, Role.ME_OFFICER);
    private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d\\s-]{6,}\\d)");
    private static final Pattern NAME_LIKE = Pattern.compile(
            "(?i)\\b(my name is|his name is|her name is|name:|called|mr\\.?|mrs\\.?|ms\\.?|bhai|baji|cnic)\\s*[A-Z]?"
                    + "|\\b\\d{5}-\\d{7}-\\d\\b");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Assessments assessments;
    private final Hotspots hotspots;
    private final Fieldwork fieldwork;
    private final Findings findings;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clients clients;
    private final Clock clock;
    private final List<String> drugs;

    RapidAssessments(Assessments assessments, Hotspots hotspots, Fieldwork fieldwork, Findings findings,
                     OrganisationDirectory directory, AuditTrail audit, Clients clients, Clock clock,
                     @Value("${reach.rar.drugs:HEROIN,METHAMPHETAMINE,CANNABIS,PHARMACEUTICAL_OPIOIDS,BENZODIAZEPINES,ALCOHOL,SOLVENTS,OTHER}")
                     List<String> drugs) {
        this.assessments = assessments;
        this.hotspots = hotspots;
        this.fieldwork = fieldwork;
        this.findings = findings;
        this.directory = directory;
        this.audit = audit;
        this.clients = clients;
        this.clock = clock;
        this.drugs = drugs.stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    /** The drugs a hotspot form offers (configurable with reach.rar.drugs). */
    public List<String> drugs() {
        return drugs;
    }

    public double accuracyThreshold() {
        return hotspots.accuracyThreshold();
    }

    // ---- who may do what

    public boolean mayRead(ReachUser actor, long organisationId) {
        if (actor.isAdmin() || (actor.isMemberOf(organisationId) && actor.roles().stream().anyMatch(FIELD_TEAM::contains))) {
            return true;
        }
        return actor.has(Role.COORDINATOR)
                && directory.organisations(actor).stream().anyMatch(o -> o.id() == organisationId);
    }

    /** Notes and quotes stay with the organisation's own staff (and administrators). */
    public boolean mayReadNotes(ReachUser actor, Assessment assessment) {
        return actor.isAdmin() || (actor.isMemberOf(assessment.organisationId())
                && actor.roles().stream().anyMatch(FIELD_TEAM::contains));
    }

    public boolean mayRecord(ReachUser actor, Assessment assessment) {
        return mayReadNotes(actor, assessment);
    }

    public boolean mayManage(ReachUser actor, Assessment assessment) {
        return mayManage(actor, assessment.organisationId());
    }

    public boolean mayManage(ReachUser actor, long organisationId) {
        return actor.isAdmin() || (actor.isMemberOf(organisationId) && actor.roles().stream().anyMatch(MANAGERS::contains));
    }

    // ---- assessments

    @Transactional(readOnly = true)
    public List<Assessment> assessments(ReachUser actor) {
        return assessments.all().stream().filter(a -> mayRead(actor, a.organisationId())).toList();
    }

    @Transactional(readOnly = true)
    public Assessment assessment(ReachUser actor, long id) {
        return assessments.byId(id).filter(a -> mayRead(actor, a.organisationId()))
                .orElseThrow(() -> new NotFound("assessment", id));
    }

    /** The organisations a person may start an assessment for. */
    @Transactional(readOnly = true)
    public List<Organisation> organisationsToManage(ReachUser actor) {
        return directory.organisations(actor).stream().filter(o -> mayManage(actor, o.id())).toList();
    }

    public Assessment createAssessment(ReachUser actor, AssessmentForm form) {
        Long organisationId = form.organisationId() != null ? form.organisationId() : actor.organisationId();
        if (organisationId == null) {
            throw InvalidInput.of("organisationId", "error.required");
        }
        if (!mayRead(actor, organisationId) && !actor.isAdmin()) {
            throw new NotFound("organisation", organisationId);
        }
        if (!mayManage(actor, organisationId)) {
            throw new Forbidden("create assessment");
        }
        directory.organisation(actor, organisationId);
        AssessmentForm clean = validate(form, organisationId, null);
        long id = assessments.insert(clean, now());
        audit.recordWrite(actor, organisationId, AuditAction.CREATE, "rar_assessment", id, null);
        return assessments.byId(id).orElseThrow();
    }

    public Assessment updateAssessment(ReachUser actor, long id, AssessmentForm form) {
        Assessment current = assessment(actor, id);
        requireManager(actor, current, "update assessment");
        AssessmentForm clean = validate(form, current.organisationId(), id);
        assessments.update(id, clean, now());
        audit.recordWrite(actor, current.organisationId(), AuditAction.UPDATE, "rar_assessment", id, clean.status().name());
        return assessments.byId(id).orElseThrow();
    }

    private AssessmentForm validate(AssessmentForm form, long organisationId, Long id) {
        String title = trim(form.title());
        String area = trim(form.area());
        String team = trim(form.team());
        String questions = trim(form.researchQuestions());
        Problems problems = new Problems();
        required(problems, "title", title, 200);
        required(problems, "area", area, 200);
        problems.check(team == null || team.length() <= 2000, "team", "error.tooLong", 2000);
        problems.check(questions == null || questions.length() <= 4000, "researchQuestions", "error.tooLong", 4000);
        problems.check(form.status() != null, "status", "error.required");
        if (form.periodStart() != null && form.periodEnd() != null) {
            problems.check(!form.periodEnd().isBefore(form.periodStart()), "periodEnd", "rar.error.periodEnd");
        }
        if (!problems.has("title") && assessments.titleTaken(organisationId, title, id)) {
            problems.add("title", "error.nameTaken");
        }
        problems.throwIfAny();
        return new AssessmentForm(organisationId, title, area, form.periodStart(), form.periodEnd(), team, questions,
                form.status());
    }

    // ---- hotspots

    @Transactional(readOnly = true)
    public List<Hotspot> hotspots(ReachUser actor, long assessmentId) {
        assessment(actor, assessmentId);
        return hotspots.ofAssessment(assessmentId);
    }

    @Transactional(readOnly = true)
    public Hotspot hotspot(ReachUser actor, long id) {
        Hotspot hotspot = hotspots.byId(id).orElseThrow(() -> new NotFound("hotspot", id));
        assessments.byId(hotspot.assessmentId()).filter(a -> mayRead(actor, a.organisationId()))
                .orElseThrow(() -> new NotFound("hotspot", id));
        return hotspot;
    }

    @Transactional(readOnly = true)
    public HotspotDetail detail(ReachUser actor, long id) {
        Hotspot hotspot = hotspot(actor, id);
        return new HotspotDetail(hotspot, fieldwork.visits(id), fieldwork.keyInformants(id), fieldwork.captures(id),
                fieldwork.multipliers(id), fieldwork.reached(id), estimate(hotspot));
    }

    public Hotspot createHotspot(ReachUser actor, long assessmentId, HotspotForm form) {
        Assessment assessment = assessment(actor, assessmentId);
        requireRecorder(actor, assessment, "create hotspot");
        HotspotForm clean = validate(form, assessmentId, null, "");
        long id = hotspots.insert(assessmentId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_hotspot", id, null);
        return hotspots.byId(id).orElseThrow();
    }

    public Hotspot updateHotspot(ReachUser actor, long id, HotspotForm form) {
        Hotspot current = hotspot(actor, id);
        Assessment assessment = assessments.byId(current.assessmentId()).orElseThrow();
        requireRecorder(actor, assessment, "update hotspot");
        HotspotForm clean = validate(form, current.assessmentId(), id, "");
        hotspots.update(id, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "rar_hotspot", id, null);
        return hotspots.byId(id).orElseThrow();
    }

    /**
     * Creates or (by name) updates many hotspots at once, as an import does: every row is checked first and
     * nothing is written if any is wrong. Field names of problems are prefixed with "rows[i]." (i from 0).
     */
    public List<Hotspot> importHotspots(ReachUser actor, long assessmentId, List<HotspotForm> forms, String source) {
        Assessment assessment = assessment(actor, assessmentId);
        requireRecorder(actor, assessment, "import hotspots");
        List<HotspotForm> clean = checkHotspots(assessmentId, forms);
        List<Hotspot> saved = new ArrayList<>();
        for (HotspotForm form : clean) {
            var existing = hotspots.byName(assessmentId, form.name());
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
                hotspots.update(id, form, now());
            } else {
                id = hotspots.insert(assessmentId, form, now());
            }
            saved.add(hotspots.byId(id).orElseThrow());
        }
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_hotspot_import", assessmentId,
                source + ": " + saved.size() + " hotspots");
        return saved;
    }

    /** Checks hotspots for an import without writing: the problems of every row, fields prefixed "rows[i].". */
    @Transactional(readOnly = true)
    public List<org.reach.platform.FieldProblem> checkImport(ReachUser actor, long assessmentId, List<HotspotForm> forms) {
        Assessment assessment = assessment(actor, assessmentId);
        requireRecorder(actor, assessment, "import hotspots");
        try {
            checkHotspots(assessmentId, forms);
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.problems();
        }
    }

    private List<HotspotForm> checkHotspots(long assessmentId, List<HotspotForm> forms) {
        List<FieldProblemHolder> collected = new ArrayList<>();
        List<HotspotForm> clean = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            HotspotForm form = forms.get(i);
            try {
                Long existing = form.name() == null ? null
                        : hotspots.byName(assessmentId, form.name().strip()).map(Hotspot::id).orElse(null);
                HotspotForm ok = validate(form, assessmentId, existing, "rows[" + i + "].");
                if (!names.add(ok.name().toLowerCase(java.util.Locale.ROOT))) {
                    throw InvalidInput.of("rows[" + i + "].name", "rar.error.duplicateName");
                }
                clean.add(ok);
            } catch (InvalidInput invalid) {
                collected.add(new FieldProblemHolder(invalid));
            }
        }
        if (!collected.isEmpty()) {
            throw new InvalidInput(collected.stream().flatMap(h -> h.invalid().problems().stream()).toList());
        }
        return clean;
    }

    private record FieldProblemHolder(InvalidInput invalid) {
    }

    private HotspotForm validate(HotspotForm form, long assessmentId, Long id, String prefix) {
        String name = trim(form.name());
        String district = trim(form.district());
        String polygon = trim(form.polygon());
        Problems problems = new Problems();
        required(problems, prefix + "name", name, 200);
        problems.check(district == null || district.length() <= 200, prefix + "district", "error.tooLong", 200);
        if (form.latitude() == null) {
            problems.add(prefix + "latitude", "error.required");
        } else {
            problems.check(form.latitude() >= -90 && form.latitude() <= 90, prefix + "latitude", "rar.error.latitude");
        }
        if (form.longitude() == null) {
            problems.add(prefix + "longitude", "error.required");
        } else {
            problems.check(form.longitude() >= -180 && form.longitude() <= 180, prefix + "longitude", "rar.error.longitude");
        }
        problems.check(form.gpsAccuracy() == null || form.gpsAccuracy() >= 0, prefix + "gpsAccuracy", "rar.error.accuracy");
        problems.check(form.typology() != null, prefix + "typology", "error.required");
        problems.check(form.useType() != null, prefix + "useType", "error.required");
        List<String> drugList = form.drugs() == null ? List.of()
                : form.drugs().stream().filter(Objects::nonNull).map(String::strip).filter(d -> !d.isEmpty()).distinct().toList();
        drugList.stream().filter(d -> !drugs.contains(d)).findFirst()
                .ifPresent(d -> problems.add(prefix + "drugs", "rar.error.drug", d));
        if (polygon != null) {
            problems.check(polygon.length() <= 100_000 && isPolygon(polygon), prefix + "polygon", "rar.error.polygon");
        }
        if (!problems.has(prefix + "name")) {
            hotspots.byName(assessmentId, name).filter(h -> id == null || h.id() != id)
                    .ifPresent(h -> problems.add(prefix + "name", "error.nameTaken"));
        }
        problems.throwIfAny();
        return new HotspotForm(name, district, form.latitude(), form.longitude(), form.gpsAccuracy(), polygon,
                form.typology(), form.useType(), drugList, distinct(form.reasons()), distinct(form.timesOfDay()),
                distinct(form.safetyRisks()), Boolean.TRUE.equals(form.womenPresent()),
                Boolean.TRUE.equals(form.youthPresent()), Boolean.TRUE.equals(form.transgenderPresent()));
    }

    /** A GeoJSON Polygon geometry (or a Feature holding one) with at least one closed ring of four positions. */
    static boolean isPolygon(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if ("Feature".equals(node.path("type").asString(""))) {
                node = node.path("geometry");
            }
            if (!"Polygon".equals(node.path("type").asString(""))) {
                return false;
            }
            JsonNode ring = node.path("coordinates").path(0);
            if (!ring.isArray() || ring.size() < 4) {
                return false;
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                    return false;
                }
            }
            return ring.get(0).get(0).asDouble() == ring.get(ring.size() - 1).get(0).asDouble()
                    && ring.get(0).get(1).asDouble() == ring.get(ring.size() - 1).get(1).asDouble();
        } catch (JacksonException | IllegalArgumentException notJson) {
            return false;
        }
    }

    // ---- visits and estimation inputs

    public Visit addVisit(ReachUser actor, long hotspotId, VisitForm form) {
        Hotspot hotspot = hotspot(actor, hotspotId);
        Assessment assessment = assessments.byId(hotspot.assessmentId()).orElseThrow();
        requireRecorder(actor, assessment, "record visit");
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
        String informant = trim(form.informant());
        Problems problems = new Problems();
        required(problems, "informant", informant, 100);
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
        String service = trim(form.service());
        Problems problems = new Problems();
        required(problems, "service", service, 200);
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
        assessment(actor, assessmentId);
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
        Assessment assessment = assessment(actor, assessmentId);
        List<CoverageGap> gaps = exactGaps(actor, assessment);
        return actor.mayReadClientsOf(assessment.organisationId()) ? gaps : CoverageGapSuppression.suppress(gaps);
    }

    /**
     * The gaps as they may leave the organisation, in the report: counts of people reached suppressed whoever
     * reads them (see {@link CoverageGapSuppression}).
     */
    @Transactional
    public List<CoverageGap> gapsForCirculation(ReachUser actor, long assessmentId) {
        return CoverageGapSuppression.suppress(exactGaps(actor, assessment(actor, assessmentId)));
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

    // ---- findings

    @Transactional(readOnly = true)
    public List<Note> notes(ReachUser actor, long assessmentId) {
        Assessment assessment = assessment(actor, assessmentId);
        if (!mayReadNotes(actor, assessment)) {
            throw new Forbidden("read notes");
        }
        return findings.notes(assessmentId);
    }

    /** Counts per code and subgroup: an aggregate, so coordinators may read it too. */
    @Transactional(readOnly = true)
    public List<CodeCount> codeCounts(ReachUser actor, long assessmentId) {
        assessment(actor, assessmentId);
        List<Note> notes = findings.notes(assessmentId);
        List<CodeCount> counts = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            Map<Subgroup, Integer> bySubgroup = new EnumMap<>(Subgroup.class);
            int total = 0;
            for (Note note : notes) {
                if (note.codes().contains(code)) {
                    total++;
                    bySubgroup.merge(note.subgroup() == null ? Subgroup.ALL : note.subgroup(), 1, Integer::sum);
                }
            }
            counts.add(new CodeCount(code, total, bySubgroup));
        }
        return counts;
    }

    /** Text that looks like a phone number, an ID card number or a person's name. */
    public static boolean looksIdentifying(String text) {
        return text != null && (PHONE.matcher(text).find() || NAME_LIKE.matcher(text).find());
    }

    public Note addNote(ReachUser actor, long assessmentId, NoteForm form) {
        Assessment assessment = assessment(actor, assessmentId);
        requireRecorder(actor, assessment, "record note");
        String summary = trim(form.summary());
        String quote = trim(form.quote());
        Problems problems = new Problems();
        required(problems, "summary", summary, 4000);
        problems.check(quote == null || quote.length() <= 2000, "quote", "error.tooLong", 2000);
        problems.check(form.kind() != null, "kind", "error.required");
        problems.check(form.codes() != null && !form.codes().isEmpty(), "codes", "rar.error.codes");
        if (form.hotspotId() != null) {
            problems.check(hotspots.byId(form.hotspotId()).filter(h -> h.assessmentId() == assessmentId).isPresent(),
                    "hotspotId", "error.unknown");
        }
        if (!Boolean.TRUE.equals(form.confirmNoIdentifyingData())) {
            problems.check(!looksIdentifying(summary), "summary", "rar.error.identifying");
            problems.check(!looksIdentifying(quote), "quote", "rar.error.identifying");
        }
        problems.throwIfAny();
        NoteForm clean = new NoteForm(form.hotspotId(), form.kind(), form.subgroup(), distinct(form.codes()), summary,
                quote, form.confirmNoIdentifyingData());
        long id = findings.insertNote(assessmentId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_note", id,
                clean.codes().stream().map(Enum::name).collect(Collectors.joining(",")));
        return findings.notes(assessmentId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    // ---- recommendations

    @Transactional(readOnly = true)
    public List<Recommendation> recommendations(ReachUser actor, long assessmentId) {
        assessment(actor, assessmentId);
        return findings.recommendations(assessmentId);
    }

    public Recommendation addRecommendation(ReachUser actor, long assessmentId, RecommendationForm form) {
        Assessment assessment = assessment(actor, assessmentId);
        requireManager(actor, assessment, "add recommendation");
        RecommendationForm clean = validate(form);
        long id = findings.insertRecommendation(assessmentId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_recommendation", id, null);
        return findings.recommendation(id).orElseThrow();
    }

    public Recommendation updateRecommendation(ReachUser actor, long id, RecommendationForm form) {
        Recommendation current = findings.recommendation(id).orElseThrow(() -> new NotFound("recommendation", id));
        Assessment assessment = assessments.byId(current.assessmentId()).filter(a -> mayRead(actor, a.organisationId()))
                .orElseThrow(() -> new NotFound("recommendation", id));
        requireManager(actor, assessment, "update recommendation");
        RecommendationForm clean = validate(form);
        findings.updateRecommendation(id, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "rar_recommendation", id,
                clean.status().name());
        return findings.recommendation(id).orElseThrow();
    }

    private RecommendationForm validate(RecommendationForm form) {
        String text = trim(form.text());
        String owner = trim(form.owner());
        Problems problems = new Problems();
        required(problems, "text", text, 2000);
        problems.check(owner == null || owner.length() <= 200, "owner", "error.tooLong", 200);
        problems.check(form.priority() != null, "priority", "error.required");
        problems.check(form.status() != null, "status", "error.required");
        problems.throwIfAny();
        return new RecommendationForm(text, distinct(form.codes()), form.priority(), owner, form.status());
    }

    /** Records that a report of the assessment was produced (an export of aggregates). */
    public void recordReport(ReachUser actor, Assessment assessment, String format) {
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.EXPORT, "rar_report", assessment.id(), format);
    }

    // ---- helpers

    private Assessment managedAssessmentOf(ReachUser actor, long hotspotId, String action) {
        Hotspot hotspot = hotspot(actor, hotspotId);
        Assessment assessment = assessments.byId(hotspot.assessmentId()).orElseThrow();
        requireManager(actor, assessment, action);
        return assessment;
    }

    private void requireManager(ReachUser actor, Assessment assessment, String action) {
        if (!mayManage(actor, assessment)) {
            throw new Forbidden(action);
        }
    }

    private void requireRecorder(ReachUser actor, Assessment assessment, String action) {
        if (!mayRecord(actor, assessment)) {
            throw new Forbidden(action);
        }
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

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static void required(Problems problems, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "error.required");
        } else if (value.length() > max) {
            problems.add(field, "error.tooLong", max);
        }
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }
}
