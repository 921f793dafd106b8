package org.reach.rar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.platform.Forbidden;
import org.reach.platform.IdentifyingText;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.reach.rar.store.Assessments;
import org.reach.rar.store.Findings;
import org.reach.rar.store.Hotspots;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a rapid assessment learns and recommends: field notes and quotes with their codes (read only by the
 * organisation's own staff), counts per code (an aggregate coordinators may read), and recommendations with their
 * follow-up. Free text that looks like it names someone is refused unless the person confirms it does not
 * ({@link IdentifyingText}); audit details never carry note text.
 */
@Service
@Transactional
public class AssessmentFindings {

    private final RapidAssessments rar;
    private final Assessments assessments;
    private final Hotspots hotspots;
    private final Findings findings;
    private final AuditTrail audit;
    private final Clock clock;

    AssessmentFindings(RapidAssessments rar, Assessments assessments, Hotspots hotspots, Findings findings,
                       AuditTrail audit, Clock clock) {
        this.rar = rar;
        this.assessments = assessments;
        this.hotspots = hotspots;
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- findings

    @Transactional(readOnly = true)
    public List<Note> notes(ReachUser actor, long assessmentId) {
        Assessment assessment = rar.assessment(actor, assessmentId);
        if (!rar.mayReadNotes(actor, assessment)) {
            throw new Forbidden("read notes");
        }
        return findings.notes(assessmentId);
    }

    /** Counts per code and subgroup: an aggregate, so coordinators may read it too. */
    @Transactional(readOnly = true)
    public List<CodeCount> codeCounts(ReachUser actor, long assessmentId) {
        rar.assessment(actor, assessmentId);
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

    public Note addNote(ReachUser actor, long assessmentId, NoteForm form) {
        Assessment assessment = rar.assessment(actor, assessmentId);
        rar.requireRecorder(actor, assessment, "record note");
        String summary = Fields.trim(form.summary());
        String quote = Fields.trim(form.quote());
        Problems problems = new Problems();
        Fields.required(problems, "summary", summary, 4000);
        problems.check(quote == null || quote.length() <= 2000, "quote", "error.tooLong", 2000);
        problems.check(form.kind() != null, "kind", "error.required");
        problems.check(form.codes() != null && !form.codes().isEmpty(), "codes", "rar.error.codes");
        if (form.hotspotId() != null) {
            problems.check(hotspots.byId(form.hotspotId()).filter(h -> h.assessmentId() == assessmentId).isPresent(),
                    "hotspotId", "error.unknown");
        }
        if (!Boolean.TRUE.equals(form.confirmNoIdentifyingData())) {
            problems.check(!IdentifyingText.looksIdentifying(summary), "summary", "rar.error.identifying");
            problems.check(!IdentifyingText.looksIdentifying(quote), "quote", "rar.error.identifying");
        }
        problems.throwIfAny();
        NoteForm clean = new NoteForm(form.hotspotId(), form.kind(), form.subgroup(), Fields.distinct(form.codes()), summary,
                quote, form.confirmNoIdentifyingData());
        long id = findings.insertNote(assessmentId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_note", id,
                clean.codes().stream().map(Enum::name).collect(Collectors.joining(",")));
        return findings.notes(assessmentId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    // ---- recommendations

    @Transactional(readOnly = true)
    public List<Recommendation> recommendations(ReachUser actor, long assessmentId) {
        rar.assessment(actor, assessmentId);
        return findings.recommendations(assessmentId);
    }

    public Recommendation addRecommendation(ReachUser actor, long assessmentId, RecommendationForm form) {
        Assessment assessment = rar.assessment(actor, assessmentId);
        rar.requireManager(actor, assessment, "add recommendation");
        RecommendationForm clean = validate(form);
        long id = findings.insertRecommendation(assessmentId, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.CREATE, "rar_recommendation", id, null);
        return findings.recommendation(id).orElseThrow();
    }

    public Recommendation updateRecommendation(ReachUser actor, long id, RecommendationForm form) {
        Recommendation current = findings.recommendation(id).orElseThrow(() -> new NotFound("recommendation", id));
        Assessment assessment = assessments.byId(current.assessmentId()).filter(a -> rar.mayRead(actor, a.organisationId()))
                .orElseThrow(() -> new NotFound("recommendation", id));
        rar.requireManager(actor, assessment, "update recommendation");
        RecommendationForm clean = validate(form);
        findings.updateRecommendation(id, clean, now());
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.UPDATE, "rar_recommendation", id,
                clean.status().name());
        return findings.recommendation(id).orElseThrow();
    }

    private RecommendationForm validate(RecommendationForm form) {
        String text = Fields.trim(form.text());
        String owner = Fields.trim(form.owner());
        Problems problems = new Problems();
        Fields.required(problems, "text", text, 2000);
        problems.check(owner == null || owner.length() <= 200, "owner", "error.tooLong", 200);
        problems.check(form.priority() != null, "priority", "error.required");
        problems.check(form.status() != null, "status", "error.required");
        problems.throwIfAny();
        return new RecommendationForm(text, Fields.distinct(form.codes()), form.priority(), owner, form.status());
    }

    /** Records that a report of the assessment was produced (an export of aggregates). */
    public void recordReport(ReachUser actor, Assessment assessment, String format) {
        audit.recordWrite(actor, assessment.organisationId(), AuditAction.EXPORT, "rar_report", assessment.id(), format);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
