package org.reach.partners;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.partners.store.ActionStore;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action plans made from assessments, twinnings and RAR recommendations. Coordinators create actions; the
 * organisation's managers update progress on their own actions; everyone else in the organisation reads its
 * plan. An action still open after its due date is overdue.
 */
@Service
@Transactional
public class ActionPlans {

    private final ActionStore store;
    private final PartnerAssessments assessments;
    private final Twinnings twinnings;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    ActionPlans(ActionStore store, PartnerAssessments assessments, Twinnings twinnings, PartnerAccess access,
                AuditTrail audit, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.twinnings = twinnings;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Actions the actor may see, optionally of one organisation. */
    @Transactional(readOnly = true)
    public List<PartnerAction> actions(ReachUser actor, Long organisationId) {
        // Organisations and progress notes are read once for the whole list, not once per action.
        Map<Long, Organisation> organisations = access.allById(actor);
        List<ActionStore.Row> rows = store.all().stream()
                .filter(r -> organisationId == null || r.organisationId() == organisationId)
                .filter(r -> maySee(actor, r, organisations)).toList();
        Map<Long, List<ProgressNote>> progress = store.progress(rows.stream().map(ActionStore.Row::id).toList());
        return rows.stream().map(r -> toAction(r, organisations, progress.getOrDefault(r.id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public PartnerAction action(ReachUser actor, long id) {
        Map<Long, Organisation> organisations = access.allById(actor);
        return store.byId(id).filter(r -> maySee(actor, r, organisations))
                .map(r -> toAction(r, organisations, store.progress(r.id())))
                .orElseThrow(() -> new NotFound("action", id));
    }

    public static ActionSummary summarise(List<PartnerAction> actions) {
        int planned = 0, inProgress = 0, done = 0, overdue = 0, cancelled = 0;
        for (PartnerAction a : actions) {
            switch (a.status()) {
                case PLANNED -> planned++;
                case IN_PROGRESS -> inProgress++;
                case DONE -> done++;
                case CANCELLED -> cancelled++;
            }
            if (a.overdue()) {
                overdue++;
            }
        }
        return new ActionSummary(planned, inProgress, done, overdue, cancelled);
    }

    public boolean mayCreate(ReachUser actor, Long programmeId) {
        return access.coordinates(actor, programmeId);
    }

    public boolean mayUpdate(ReachUser actor, PartnerAction action) {
        return access.coordinates(actor, action.programmeId()) || access.managesOwn(actor, action.organisationId());
    }

    public PartnerAction create(ReachUser actor, ActionForm form) {
        Problems problems = new Problems();
        Organisation organisation = null;
        if (form.organisationId() == null) {
            problems.add("organisationId", "error.required");
        } else {
            try {
                organisation = access.visibleOrganisation(actor, form.organisationId());
            } catch (NotFound unknown) {
                problems.add("organisationId", "error.unknown");
            }
        }
        if (organisation != null && !mayCreate(actor, organisation.programmeId())) {
            throw new Forbidden("create action");
        }
        problems.check(form.source() != null, "source", "error.required");
        if (form.source() == ActionSource.ASSESSMENT) {
            problems.check(form.assessmentId() != null, "assessmentId", "error.required");
        }
        if (form.source() == ActionSource.TWINNING) {
            problems.check(form.twinningId() != null, "twinningId", "error.required");
        }
        if (form.source() == ActionSource.RAR) {
            problems.check(notBlank(form.rarReference()), "rarReference", "error.required");
        }
        if (form.assessmentId() != null) {
            try {
                Assessment assessment = assessments.assessment(actor, form.assessmentId());
                problems.check(organisation == null || assessment.organisationId() == organisation.id(), "assessmentId",
                        "error.unknown");
            } catch (NotFound unknown) {
                problems.add("assessmentId", "error.unknown");
            }
        }
        if (form.twinningId() != null) {
            try {
                Twinning twinning = twinnings.twinning(actor, form.twinningId());
                problems.check(organisation == null || twinning.learningOrganisationId() == organisation.id()
                        || twinning.supportingOrganisationId() == organisation.id(), "twinningId", "error.unknown");
            } catch (NotFound unknown) {
                problems.add("twinningId", "error.unknown");
            }
        }
        String title = AssessmentFramework.strip(form.title());
        String owner = AssessmentFramework.strip(form.owner());
        String rar = AssessmentFramework.strip(form.rarReference());
        required(problems, "title", title, 500);
        required(problems, "owner", owner, 200);
        problems.check(rar == null || rar.length() <= 300, "rarReference", "error.tooLong", 300);
        problems.check(form.domainCode() != null && form.domainCode().matches("[A-Z_]{2,40}"), "domainCode",
                form.domainCode() == null ? "error.required" : "error.unknown");
        if (form.supportingOrganisationId() != null) {
            try {
                Organisation supporting = access.visibleOrganisation(actor, form.supportingOrganisationId());
                problems.check(organisation == null || (supporting.id() != organisation.id()
                                && Objects.equals(supporting.programmeId(), organisation.programmeId())),
                        "supportingOrganisationId", "error.unknown");
            } catch (NotFound unknown) {
                problems.add("supportingOrganisationId", "error.unknown");
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (form.dueDate() == null) {
            problems.add("dueDate", "error.required");
        } else {
            problems.check(!form.dueDate().isBefore(today), "dueDate", "partners.error.dueBeforeCreation");
        }
        problems.throwIfAny();
        ActionForm clean = new ActionForm(organisation.id(), form.source(), form.assessmentId(), form.twinningId(), rar,
                title, form.domainCode(), owner, form.supportingOrganisationId(), form.dueDate());
        long id = store.insert(clean, organisation.programmeId(), actor.id(), now());
        audit.recordWrite(actor, organisation.id(), AuditAction.CREATE, "partner_action", id,
                form.source().name() + " " + form.domainCode());
        return action(actor, id);
    }

    public PartnerAction recordProgress(ReachUser actor, long id, ProgressForm form) {
        PartnerAction action = action(actor, id);
        if (!mayUpdate(actor, action)) {
            throw new Forbidden("update action");
        }
        String note = AssessmentFramework.strip(form.note());
        Problems problems = new Problems();
        problems.check(form.status() != null, "status", "error.required");
        problems.check(note == null || note.length() <= 2000, "note", "error.tooLong", 2000);
        problems.throwIfAny();
        store.addProgress(id, form.status(), note, actor.id(), now());
        audit.recordWrite(actor, action.organisationId(), AuditAction.UPDATE, "partner_action", id,
                "status " + form.status().name());
        return action(actor, id);
    }

    private boolean maySee(ReachUser actor, ActionStore.Row row, Map<Long, Organisation> organisations) {
        Organisation organisation = organisations.get(row.organisationId());
        return (organisation != null && access.coordinates(actor, organisation.programmeId()))
                || actor.isMemberOf(row.organisationId())
                || (row.supportingOrgId() != null && actor.isMemberOf(row.supportingOrgId()));
    }

    private PartnerAction toAction(ActionStore.Row row, Map<Long, Organisation> organisations,
                                   List<ProgressNote> progress) {
        LocalDate today = LocalDate.now(clock);
        boolean open = row.status() == ActionStatus.PLANNED || row.status() == ActionStatus.IN_PROGRESS;
        Organisation organisation = organisations.get(row.organisationId());
        Organisation supporting = row.supportingOrgId() == null ? null : organisations.get(row.supportingOrgId());
        return new PartnerAction(row.id(), row.organisationId(), organisation == null ? null : organisation.name(),
                organisation == null ? null : organisation.programmeId(), row.source(), row.assessmentId(),
                row.twinningId(), row.rarReference(), row.title(), row.domainCode(), row.owner(), row.supportingOrgId(),
                supporting == null ? null : supporting.name(), row.dueDate(), row.status(), row.createdAt(),
                open && row.dueDate().isBefore(today), progress);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void required(Problems problems, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "error.required");
        } else if (value.length() > max) {
            problems.add(field, "error.tooLong", max);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
