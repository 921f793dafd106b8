package org.reach.partners;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reach.audit.AuditAction;
import org.reach.audit.AuditTrail;
import org.reach.organisations.Organisation;
import org.reach.partners.store.CapacityStore;
import org.reach.platform.Forbidden;
import org.reach.platform.NotFound;
import org.reach.platform.Problems;
import org.reach.platform.ReachUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainings and exchange visits, linked to the actions they serve. Coordinators record them; the people of
 * every organisation involved (trainers, participants, host, visitors) read them.
 */
@Service
@Transactional
public class CapacityBuilding {

    private final CapacityStore store;
    private final ActionPlans actions;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    CapacityBuilding(CapacityStore store, ActionPlans actions, PartnerAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Training> trainings(ReachUser actor) {
        Map<Long, Organisation> partners = access.allById(actor);
        return store.trainings().stream().map(r -> toTraining(r, partners)).filter(t -> maySee(actor, t.programmeId(), involved(t)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ExchangeVisit> exchangeVisits(ReachUser actor) {
        Map<Long, Organisation> partners = access.allById(actor);
        return store.visits().stream().map(r -> toVisit(r, partners)).filter(v -> maySee(actor, v.programmeId(), involved(v))).toList();
    }

    public boolean mayRecord(ReachUser actor) {
        return actor.isAdmin() || actor.has(org.reach.platform.Role.COORDINATOR);
    }

    public Training recordTraining(ReachUser actor, TrainingForm form) {
        Problems problems = new Problems();
        Organisation trainer = organisation(actor, form.trainerOrganisationId(), "trainerOrganisationId", problems);
        if (trainer != null && !access.coordinates(actor, trainer.programmeId())) {
            throw new Forbidden("record training");
        }
        String topic = AssessmentFramework.strip(form.topic());
        String trainers = AssessmentFramework.strip(form.trainers());
        required(problems, "topic", topic, 300);
        problems.check(trainers == null || trainers.length() <= 500, "trainers", "error.tooLong", 500);
        problems.check(form.date() != null, "date", "error.required");
        for (int i = 0; i < form.participants().size(); i++) {
            Participant p = form.participants().get(i);
            String prefix = "participants[" + i + "].";
            Organisation o = organisation(actor, p.organisationId(), prefix + "organisationId", problems);
            problems.check(o == null || trainer == null || Objects.equals(o.programmeId(), trainer.programmeId()),
                    prefix + "organisationId", "error.unknown");
            required(problems, prefix + "role", AssessmentFramework.strip(p.role()), 100);
            problems.check(p.preScore() == null || (p.preScore() >= 0 && p.preScore() <= 100), prefix + "preScore",
                    "partners.error.percentage");
            problems.check(p.postScore() == null || (p.postScore() >= 0 && p.postScore() <= 100), prefix + "postScore",
                    "partners.error.percentage");
        }
        checkActions(actor, form.actionIds(), trainer, problems);
        problems.throwIfAny();
        long id = store.insertTraining(trainer.programmeId(), topic, form.date(), trainer.id(), trainers, actor.id(), now());
        for (Participant p : form.participants()) {
            store.addParticipant(id, p.organisationId(), p.role().strip(), p.preScore(), p.postScore());
        }
        for (Long actionId : new LinkedHashSet<>(form.actionIds())) {
            store.link(actionId, id, null);
        }
        audit.recordWrite(actor, trainer.id(), AuditAction.CREATE, "partner_training", id,
                "participants " + form.participants().size());
        return toTraining(store.training(id).orElseThrow(), access.allById(actor));
    }

    public ExchangeVisit recordExchangeVisit(ReachUser actor, ExchangeVisitForm form) {
        Problems problems = new Problems();
        Organisation host = organisation(actor, form.hostOrganisationId(), "hostOrganisationId", problems);
        if (host != null && !access.coordinates(actor, host.programmeId())) {
            throw new Forbidden("record exchange visit");
        }
        String purpose = AssessmentFramework.strip(form.purpose());
        String notes = AssessmentFramework.strip(form.learningNotes());
        required(problems, "purpose", purpose, 1000);
        problems.check(notes == null || notes.length() <= 4000, "learningNotes", "error.tooLong", 4000);
        problems.check(form.visitStart() != null, "visitStart", "error.required");
        problems.check(form.visitEnd() != null, "visitEnd", "error.required");
        if (form.visitStart() != null && form.visitEnd() != null) {
            problems.check(!form.visitEnd().isBefore(form.visitStart()), "visitEnd", "partners.error.endBeforeStart");
        }
        problems.check(!form.visitors().isEmpty(), "visitors", "error.required");
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < form.visitors().size(); i++) {
            Visitor v = form.visitors().get(i);
            String prefix = "visitors[" + i + "].";
            Organisation o = organisation(actor, v.organisationId(), prefix + "organisationId", problems);
            problems.check(o == null || host == null || (o.id() != host.id() && Objects.equals(o.programmeId(), host.programmeId())
                    && seen.add(o.id())), prefix + "organisationId", "error.unknown");
            problems.check(v.people() != null && v.people() >= 1 && v.people() <= 100, prefix + "people",
                    "partners.error.people");
        }
        checkActions(actor, form.actionIds(), host, problems);
        problems.throwIfAny();
        long id = store.insertVisit(host.programmeId(), host.id(), form.visitStart(), form.visitEnd(), purpose, notes,
                actor.id(), now());
        for (Visitor v : form.visitors()) {
            store.addVisitor(id, v.organisationId(), v.people());
        }
        for (Long actionId : new LinkedHashSet<>(form.actionIds())) {
            store.link(actionId, null, id);
        }
        audit.recordWrite(actor, host.id(), AuditAction.CREATE, "partner_exchange_visit", id,
                "visitors " + form.visitors().size());
        Map<Long, Organisation> partners = access.allById(actor);
        return store.visits().stream().filter(v -> v.id() == id).map(r -> toVisit(r, partners)).findFirst().orElseThrow();
    }

    private void checkActions(ReachUser actor, List<Long> actionIds, Organisation anchor, Problems problems) {
        for (int i = 0; i < actionIds.size(); i++) {
            Long actionId = actionIds.get(i);
            try {
                PartnerAction action = actions.action(actor, actionId == null ? -1 : actionId);
                problems.check(anchor == null || Objects.equals(action.programmeId(), anchor.programmeId()),
                        "actionIds[" + i + "]", "error.unknown");
            } catch (NotFound unknown) {
                problems.add("actionIds[" + i + "]", "error.unknown");
            }
        }
    }

    private Organisation organisation(ReachUser actor, Long id, String field, Problems problems) {
        if (id == null) {
            problems.add(field, "error.required");
            return null;
        }
        try {
            return access.visibleOrganisation(actor, id);
        } catch (NotFound unknown) {
            problems.add(field, "error.unknown");
            return null;
        }
    }

    private boolean maySee(ReachUser actor, Long programmeId, Set<Long> organisations) {
        return access.coordinates(actor, programmeId) || organisations.stream().anyMatch(actor::isMemberOf);
    }

    private static Set<Long> involved(Training t) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(t.trainerOrganisationId());
        t.participants().forEach(p -> ids.add(p.organisationId()));
        return ids;
    }

    private static Set<Long> involved(ExchangeVisit v) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(v.hostOrganisationId());
        v.visitors().forEach(x -> ids.add(x.organisationId()));
        return ids;
    }

    private Training toTraining(CapacityStore.TrainingRow row, Map<Long, Organisation> partners) {
        List<Participant> participants = new ArrayList<>();
        for (CapacityStore.ParticipantRow p : store.participants(row.id())) {
            participants.add(new Participant(p.organisationId(), nameOf(partners, p.organisationId()), p.role(), p.preScore(),
                    p.postScore()));
        }
        return new Training(row.id(), row.programmeId(), row.topic(), row.date(), row.trainerOrgId(),
                nameOf(partners, row.trainerOrgId()), row.trainers(), participants, store.actionsOfTraining(row.id()));
    }

    private ExchangeVisit toVisit(CapacityStore.VisitRow row, Map<Long, Organisation> partners) {
        List<Visitor> visitors = store.visitors(row.id()).stream()
                .map(v -> new Visitor(v.organisationId(), nameOf(partners, v.organisationId()), v.people())).toList();
        return new ExchangeVisit(row.id(), row.programmeId(), row.hostOrgId(), nameOf(partners, row.hostOrgId()), row.start(),
                row.end(), row.purpose(), row.learningNotes(), visitors, store.actionsOfVisit(row.id()));
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

    private static String nameOf(Map<Long, Organisation> partners, Long organisationId) {
        Organisation organisation = organisationId == null ? null : partners.get(organisationId);
        return organisation == null ? null : organisation.name();
    }
}
