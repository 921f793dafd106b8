package org.reach.rar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.Forbidden;
import org.reach.platform.InvalidInput;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.platform.Role;
import org.reach.rar.store.Assessments;
import org.reach.rar.store.Hotspots;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rapid assessments and their hotspots; the sizes and coverage gaps found in them are kept by {@link PopulationSizes},
 * the notes and recommendations by {@link AssessmentFindings}. Who may do what in an assessment is decided here, for
 * all three:
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
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Assessments assessments;
    private final Hotspots hotspots;
    private final OrganisationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<String> drugs;

    RapidAssessments(Assessments assessments, Hotspots hotspots, OrganisationDirectory directory, AuditTrail audit,
                     Clock clock,
                     @Value("${reach.rar.drugs:HEROIN,METHAMPHETAMINE,CANNABIS,PHARMACEUTICAL_OPIOIDS,BENZODIAZEPINES,ALCOHOL,SOLVENTS,OTHER}")
                     List<String> drugs) {
        this.assessments = assessments;
        this.hotspots = hotspots;
        this.directory = directory;
        this.audit = audit;
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
        String title = Fields.trim(form.title());
        String area = Fields.trim(form.area());
        String team = Fields.trim(form.team());
        String questions = Fields.trim(form.researchQuestions());
        Problems problems = new Problems();
        Fields.required(problems, "title", title, 200);
        Fields.required(problems, "area", area, 200);
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
        String name = Fields.trim(form.name());
        String district = Fields.trim(form.district());
        String polygon = Fields.trim(form.polygon());
        Problems problems = new Problems();
        Fields.required(problems, prefix + "name", name, 200);
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
                form.typology(), form.useType(), drugList, Fields.distinct(form.reasons()), Fields.distinct(form.timesOfDay()),
                Fields.distinct(form.safetyRisks()), Boolean.TRUE.equals(form.womenPresent()),
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

    // ---- helpers shared with the assessment's other services

    /** The assessment a hotspot belongs to, once the reader may see the hotspot. */
    Assessment assessmentOf(ReachUser actor, long hotspotId) {
        Hotspot hotspot = hotspot(actor, hotspotId);
        return assessments.byId(hotspot.assessmentId()).orElseThrow();
    }

    void requireManager(ReachUser actor, Assessment assessment, String action) {
        if (!mayManage(actor, assessment)) {
            throw new Forbidden(action);
        }
    }

    void requireRecorder(ReachUser actor, Assessment assessment, String action) {
        if (!mayRecord(actor, assessment)) {
            throw new Forbidden(action);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
